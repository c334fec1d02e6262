import { genUploader } from 'uploadthing/client';
import type { FileRouter } from 'uploadthing/server';
import { createRouteHandler, createUploadthing, UTApi } from 'uploadthing/server';
import type { GenerateUploaderOptions } from 'uploadthing/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalUploadThing } from './local-uploadthing';
import { startLocalUploadThing } from './local-uploadthing';
import { serveFetchHandler } from './test-support/fetch-handler-server';
import { makeTempDir } from './test-support/temp-dir';
import { useTestClock } from './test-support/test-clock';
import { XhrOverFetch } from './test-support/xhr-over-fetch';

interface Completed {
  key: string;
  ufsUrl: string;
  name: string;
  size: number;
  fileHash: string;
  metadata: { userId: string };
}

function makeRouter(completed: Completed[]) {
  const f = createUploadthing();
  return {
    avatar: f({ image: { maxFileSize: '1MB', maxFileCount: 1 } })
      .middleware(({ req }) => ({ userId: req.headers.get('x-user-id') ?? 'anonymous' }))
      .onUploadComplete(({ file, metadata }) => {
        completed.push({ key: file.key, ufsUrl: file.ufsUrl, name: file.name, size: file.size, fileHash: file.fileHash, metadata });
        return { uploadedBy: metadata.userId };
      }),
  } satisfies FileRouter;
}

/** Node's `fetch`; its `Response.json()` is typed `Promise<unknown>`, the SDK's `FetchEsque` wants a generic. */
const nodeFetch = fetch as NonNullable<GenerateUploaderOptions['fetch']>;

const PNG_BYTES = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));

describe.each([
  { mode: 'production (the ingest calls the handler back)', isDev: false },
  { mode: 'development (callbacks streamed on the route-metadata answer)', isDev: true },
])('an upload through the route handler and the browser client, $mode', ({ isDev }) => {
  let local: LocalUploadThing;
  let handler: Awaited<ReturnType<typeof serveFetchHandler>>;
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof useTestClock>;
  const completed: Completed[] = [];

  beforeEach(async () => {
    completed.length = 0;
    clock = useTestClock('2026-04-01T12:00:00Z');
    temp = makeTempDir();
    local = await startLocalUploadThing({ dir: temp.dir, clock: clock.now });
    const routeHandler = createRouteHandler({ router: makeRouter(completed), config: { ...local.sdkConfig, isDev, logLevel: 'Error' } });
    handler = await serveFetchHandler(routeHandler);
    vi.stubGlobal('XMLHttpRequest', XhrOverFetch);
  });

  afterEach(async () => {
    vi.unstubAllGlobals();
    await handler.close();
    await local.close();
    temp.remove();
    clock.restore();
  });

  it('runs onUploadComplete with the key, url and middleware metadata, returns its data, serves the bytes back, and deleteFiles removes them', async () => {
    const { uploadFiles } = genUploader<ReturnType<typeof makeRouter>>({ url: handler.url, package: 'vitest', fetch: nodeFetch });
    const file = new File([PNG_BYTES], 'avatar.png', { type: 'image/png' });

    const [uploaded] = await uploadFiles('avatar', { files: [file], headers: { 'x-user-id': 'user-7' } });

    expect(uploaded).toMatchObject({ name: 'avatar.png', size: 3000, serverData: { uploadedBy: 'user-7' } });
    expect(uploaded?.ufsUrl).toBe(`${local.url}/a/${local.appId}/${uploaded?.key}`);
    expect(completed).toEqual([
      {
        key: uploaded?.key,
        ufsUrl: uploaded?.ufsUrl,
        name: 'avatar.png',
        size: 3000,
        fileHash: uploaded?.fileHash,
        metadata: { userId: 'user-7' },
      },
    ]);
    for (const url of [uploaded?.ufsUrl ?? '', `${local.url}/f/${uploaded?.key}`]) {
      const served = await fetch(url);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
    }

    const utapi = new UTApi({ ...local.sdkConfig, logLevel: 'Error' });
    expect(await utapi.deleteFiles(uploaded?.key ?? '')).toMatchObject({ success: true, deletedCount: 1 });
    expect((await fetch(uploaded?.ufsUrl ?? '')).status).toBe(404);
    expect((await utapi.listFiles()).files).toEqual([]);
  });

  it('refuses, before presigning, a file the route does not allow (the handler checks the claim)', async () => {
    const { uploadFiles } = genUploader<ReturnType<typeof makeRouter>>({ url: handler.url, package: 'vitest', fetch: nodeFetch });
    const tooBig = new File([new Uint8Array(2 * 1024 * 1024)], 'huge.png', { type: 'image/png' });

    await expect(uploadFiles('avatar', { files: [tooBig] })).rejects.toThrow(/FileSizeMismatch/);
    expect(completed).toEqual([]);
  });
});
