import { request as httpRequest } from 'node:http';
import type { FileRouter } from 'uploadthing/server';
import { createRouteHandler, createUploadthing, UTApi } from 'uploadthing/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalUploadThing } from './local-uploadthing';
import { startLocalUploadThing } from './local-uploadthing';
import { serveFetchHandler } from './test-support/fetch-handler-server';
import { makeTempDir } from './test-support/temp-dir';
import { useTestClock } from './test-support/test-clock';

const completedKeys: string[] = [];
const f = createUploadthing();
const router = {
  document: f({ blob: { maxFileSize: '1MB' } }).onUploadComplete(({ file }) => {
    completedKeys.push(file.key);
  }),
} satisfies FileRouter;

let local: LocalUploadThing;
let handler: Awaited<ReturnType<typeof serveFetchHandler>>;
let temp: ReturnType<typeof makeTempDir>;
let clock: ReturnType<typeof useTestClock>;

beforeEach(async () => {
  completedKeys.length = 0;
  clock = useTestClock('2026-04-01T12:00:00Z');
  temp = makeTempDir();
  local = await startLocalUploadThing({ dir: temp.dir, clock: clock.now });
  handler = await serveFetchHandler(createRouteHandler({ router, config: { ...local.sdkConfig, logLevel: 'Error' } }));
});

afterEach(async () => {
  await handler.close();
  await local.close();
  temp.remove();
  clock.restore();
});

/** What the browser client's first step does: ask our route handler to presign one file. */
async function presign(size: number): Promise<{ url: string; key: string }> {
  const response = await fetch(`${handler.url}?actionType=upload&slug=document`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: [{ name: 'notes.bin', size, type: 'application/octet-stream', lastModified: 0 }], input: null }),
  });
  const [presigned] = (await response.json()) as Array<{ url: string; key: string }>;
  if (!presigned) throw new Error('no presigned URL');
  return presigned;
}

function put(url: string, bytes: Uint8Array, rangeStart = 0): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes.slice(rangeStart)]));
  return fetch(url, { method: 'PUT', headers: { Range: `bytes=${rangeStart}-` }, body: form });
}

/** Compared with `Buffer.equals`: vitest compares a large byte array element by element, slowly. */
const servedBytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
const bytesOf = (size: number) => new Uint8Array(Array.from({ length: size }, (_, i) => (i * 31) % 251));

describe('presigned PUT and HEAD at the ingest', () => {
  it('stores the bytes, calls the route back and answers with the file urls', async () => {
    const { url, key } = await presign(500);

    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('x-ut-range-start')).toBe('0');
    const response = await put(url, bytesOf(500));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ufsUrl: `${local.url}/a/${local.appId}/${key}`, serverData: null });
    expect(completedKeys).toEqual([key]);
    expect((await servedBytes(`${local.url}/f/${key}`)).equals(bytesOf(500))).toBe(true);
  });

  it('refuses a tampered signature, and a URL whose signed values were changed', async () => {
    const { url } = await presign(500);
    const lastHex = url.at(-1) === '0' ? '1' : '0';
    const tampered = `${url.slice(0, -1)}${lastHex}`;
    const biggerClaim = url.replace('x-ut-file-size=500', 'x-ut-file-size=5000000');
    expect(biggerClaim).not.toBe(url);

    for (const refused of [tampered, biggerClaim]) {
      expect((await fetch(refused, { method: 'HEAD' })).status).toBe(403);
      const response = await put(refused, bytesOf(500));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'Presigned URL refused: invalid signature' });
    }
    expect(completedKeys).toEqual([]);
  });

  it('refuses an expired URL (one hour by default, on the server clock)', async () => {
    const { url } = await presign(500);
    clock.advanceSeconds(3600);

    const response = await put(url, bytesOf(500));

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Presigned URL refused: expired' });
  });

  it('refuses a body over the size it was presigned for, keeping nothing', async () => {
    const { url, key } = await presign(100);

    const response = await put(url, bytesOf(200));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'The file is larger than the 100 bytes it was presigned for' });
    expect(completedKeys).toEqual([]);
    expect((await fetch(`${local.url}/f/${key}`)).status).toBe(404);
    expect((await new UTApi({ ...local.sdkConfig, logLevel: 'Error' }).listFiles()).files).toEqual([]);
  });

  it('resumes a cut-off upload from the bytes HEAD reports (Range: bytes=N-)', async () => {
    const size = 200_000;
    const bytes = bytesOf(size);
    const { url, key } = await presign(size);
    const boundary = 'cut-off-upload-boundary';
    const heldBack = `\r\n--${boundary}`.length - 1;

    const cutOff = httpRequest(url, {
      method: 'PUT',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Range: 'bytes=0-' },
    });
    cutOff.on('error', () => undefined);
    cutOff.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.bin"\r\n\r\n`);
    cutOff.write(bytes.slice(0, 100_000));
    const received = async () => Number((await fetch(url, { method: 'HEAD' })).headers.get('x-ut-range-start'));
    while ((await received()) < 100_000 - heldBack) await new Promise((resolve) => setTimeout(resolve, 20));
    cutOff.destroy();

    const resumeFrom = await received();
    expect(resumeFrom).toBe(100_000 - heldBack);
    expect((await put(url, bytes, 5)).status).toBe(416);
    const response = await put(url, bytes, resumeFrom);

    expect(response.status).toBe(200);
    expect(completedKeys).toEqual([key]);
    expect((await servedBytes(`${local.url}/f/${key}`)).equals(bytes)).toBe(true);
    expect((await put(url, bytes)).status).toBe(409);
  });

  it('answers 502 with the reason when the route handler cannot be called back, keeping the file', async () => {
    const { url, key } = await presign(10);
    await handler.close();

    const response = await put(url, bytesOf(10));

    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Callback to http:\/\/127\.0\.0\.1:\d+\/api\/uploadthing failed/);
    expect((await fetch(`${local.url}/f/${key}`)).status).toBe(200);
  });

  it('answers the browser preflight for PUT/HEAD with the headers the client sends and exposes x-ut-range-start', async () => {
    const { url } = await presign(10);

    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3002', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'range' },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('HEAD');
    for (const header of ['range', 'content-type', 'x-uploadthing-version', 'traceparent', 'b3']) {
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(header);
    }
    expect((await fetch(url, { method: 'HEAD' })).headers.get('access-control-expose-headers')).toBe('x-ut-range-start');
  });
});
