import { UTApi, UTFile } from 'uploadthing/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalUploadThing } from './local-uploadthing';
import { startLocalUploadThing } from './local-uploadthing';
import { createUploadThingToken } from './token';
import { makeTempDir } from './test-support/temp-dir';
import { useTestClock } from './test-support/test-clock';

let local: LocalUploadThing;
let utapi: UTApi;
let temp: ReturnType<typeof makeTempDir>;
let clock: ReturnType<typeof useTestClock>;

beforeEach(async () => {
  clock = useTestClock('2026-04-01T12:00:00Z');
  temp = makeTempDir();
  local = await startLocalUploadThing({ dir: temp.dir, clock: clock.now });
  utapi = new UTApi({ ...local.sdkConfig, logLevel: 'Error' });
});

afterEach(async () => {
  await local.close();
  temp.remove();
  clock.restore();
});

/** `.txt`: the SDK gives it `text/plain` from the name. */
const text = (content: string, name: string, customId?: string) => new UTFile([content], name, { customId });

async function uploadOne(file: UTFile, options: { acl?: 'private' | 'public-read' } = {}) {
  const result = await utapi.uploadFiles(file, options);
  if (!result.data) throw new Error(`upload failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

describe('UTApi against the local UploadThing', () => {
  it('uploads from the server, lists, finds urls by key and custom id, renames, and deletes', async () => {
    const first = await uploadOne(text('first', 'first.txt', 'asset-1'));
    clock.advanceSeconds(60);
    const second = await uploadOne(text('second', 'second.txt'));

    expect(first).toMatchObject({ name: 'first.txt', size: 5, customId: 'asset-1', ufsUrl: `${local.url}/a/${local.appId}/${first.key}` });
    expect(await (await fetch(first.ufsUrl)).text()).toBe('first');
    const listed = await utapi.listFiles();
    expect(listed.hasMore).toBe(false);
    expect(listed.files.map((file) => [file.key, file.name, file.customId, file.status, file.uploadedAt])).toEqual([
      [second.key, 'second.txt', null, 'Uploaded', Date.parse('2026-04-01T12:01:00Z')],
      [first.key, 'first.txt', 'asset-1', 'Uploaded', Date.parse('2026-04-01T12:00:00Z')],
    ]);
    expect((await utapi.listFiles({ limit: 1 })).hasMore).toBe(true);
    expect((await utapi.getFileUrls('asset-1', { keyType: 'customId' })).data).toEqual([{ key: first.key, url: first.ufsUrl }]);

    await utapi.renameFiles({ fileKey: first.key, newName: 'renamed.txt' });
    expect((await fetch(first.ufsUrl)).headers.get('content-disposition')).toBe("inline; filename*=UTF-8''renamed.txt");

    expect(await utapi.deleteFiles(['asset-1'], { keyType: 'customId' })).toMatchObject({ deletedCount: 1 });
    expect((await fetch(first.ufsUrl)).status).toBe(404);
    expect(await utapi.getUsageInfo()).toMatchObject({ filesUploaded: 1, totalBytes: 6 });
  });

  it('serves a private file only through an unexpired signed URL from getSignedURL (signed on the server clock)', async () => {
    const file = await uploadOne(text('secret', 'secret.txt'), { acl: 'private' });
    expect((await fetch(file.ufsUrl)).status).toBe(403);
    expect((await fetch(`${local.url}/f/${file.key}`)).status).toBe(403);

    const signed = await utapi.getSignedURL(file.key, { expiresIn: 600 });
    expect(await (await fetch(signed.ufsUrl)).text()).toBe('secret');
    expect(await (await fetch(signed.url)).text()).toBe('secret');

    clock.advanceSeconds(599);
    expect((await fetch(signed.ufsUrl)).status).toBe(200);
    clock.advanceSeconds(1);
    const expired = await fetch(signed.ufsUrl);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ error: 'This file is private: expired' });
  });

  it('accepts a URL the SDK signs itself (generateSignedURL with ufsHost) until it expires, and refuses a tampered one', async () => {
    const file = await uploadOne(text('secret', 'secret.txt'), { acl: 'private' });

    const { ufsUrl } = await utapi.generateSignedURL(file.key, { expiresIn: '5 minutes' });
    expect(ufsUrl.startsWith(`${local.url}/a/${local.appId}/${file.key}?expires=`)).toBe(true);
    expect(await (await fetch(ufsUrl)).text()).toBe('secret');

    const tampered = ufsUrl.replace(/expires=\d+/, `expires=${Date.parse('2026-04-02T00:00:00Z')}`);
    expect(await (await fetch(tampered)).json()).toEqual({ error: 'This file is private: invalid signature' });

    clock.advanceSeconds(300);
    expect((await fetch(ufsUrl)).status).toBe(403);
  });

  it('makes a file private and public again with updateACL', async () => {
    const file = await uploadOne(text('hello', 'hello.txt'));
    await utapi.updateACL(file.key, 'private');
    expect((await fetch(file.ufsUrl)).status).toBe(403);
    await utapi.updateACL(file.key, 'public-read');
    expect((await fetch(file.ufsUrl)).status).toBe(200);
  });

  it('refuses another app key', async () => {
    const stranger = new UTApi({
      ...local.sdkConfig,
      token: createUploadThingToken({ apiKey: 'sk_someone_else', appId: local.appId, regions: ['local'] }),
      logLevel: 'None',
    });
    await expect(stranger.listFiles()).rejects.toThrow();
    const response = await fetch(`${local.apiUrl}/v6/listFiles`, { method: 'POST', headers: { 'x-uploadthing-api-key': 'sk_nope' }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('keeps files across a restart on the same folder', async () => {
    const file = await uploadOne(text('kept', 'kept.txt'));
    await local.close();
    local = await startLocalUploadThing({ dir: temp.dir, clock: clock.now });

    expect(await (await fetch(`${local.url}/f/${file.key}`)).text()).toBe('kept');
  });
});
