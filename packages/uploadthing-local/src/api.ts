import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalUploadThingContext } from './context';
import { fileUrls } from './context';
import type { StoredFile } from './file-store';
import { HttpError, readJson, sendJson } from './http-io';
import { signUrl } from './signing';

const DEFAULT_LIST_LIMIT = 500;
const DEFAULT_ACCESS_SECONDS = 3600;
const MAX_ACCESS_SECONDS = 7 * 24 * 3600;
const USAGE_LIMIT_BYTES = 2 * 1024 ** 3;

type Body = Record<string, unknown>;

/** The `UTApi` calls: `POST /v6/<name>` with `x-uploadthing-api-key`. */
export function createApi(context: LocalUploadThingContext) {
  const { store } = context;

  /** A file named by `fileKey`/`customId` (one), as the SDK sends them. */
  function named(ref: Body): StoredFile | undefined {
    if (typeof ref.fileKey === 'string') return store.get(ref.fileKey);
    if (typeof ref.customId === 'string') return store.byCustomId(ref.customId);
    throw new HttpError(400, 'Each file is named by fileKey or customId');
  }

  /** Files named by `fileKeys` / `customIds` (lists); unknown ones are left out. */
  function namedMany(body: Body): StoredFile[] {
    const keys = body.fileKeys ?? body.customIds;
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
      throw new HttpError(400, 'fileKeys or customIds must be a list of strings');
    }
    const found = keys.map((key: string) => (body.fileKeys ? store.get(key) : store.byCustomId(key)));
    return found.filter((file): file is StoredFile => file !== undefined);
  }

  function updates(body: Body): Body[] {
    if (!Array.isArray(body.updates) || !body.updates.every((u) => typeof u === 'object' && u !== null)) {
      throw new HttpError(400, 'updates must be a list');
    }
    return body.updates as Body[];
  }

  const calls: Record<string, (body: Body) => unknown> = {
    listFiles(body) {
      const limit = typeof body.limit === 'number' ? body.limit : DEFAULT_LIST_LIMIT;
      const offset = typeof body.offset === 'number' ? body.offset : 0;
      const all = store.list();
      const files = all.slice(offset, offset + limit).map((file) => ({
        id: file.key,
        customId: file.customId,
        key: file.key,
        name: file.name,
        size: file.size,
        status: 'Uploaded',
        uploadedAt: file.uploadedAt,
      }));
      return { hasMore: offset + limit < all.length, files };
    },
    async deleteFiles(body) {
      const files = namedMany(body);
      for (const file of files) await store.delete(file.key);
      return { success: true, deletedCount: files.length };
    },
    getFileUrl(body) {
      return { data: namedMany(body).map((file) => ({ key: file.key, url: fileUrls(context, file.key).ufsUrl })) };
    },
    async renameFiles(body) {
      for (const update of updates(body)) {
        const file = named(update);
        if (file && typeof update.newName === 'string') await store.update(file.key, { name: update.newName });
      }
      return { success: true };
    },
    async updateACL(body) {
      for (const update of updates(body)) {
        const file = named(update);
        if (file && (update.acl === 'private' || update.acl === 'public-read')) await store.update(file.key, { acl: update.acl });
      }
      return { success: true };
    },
    requestFileAccess(body) {
      const file = named(body);
      if (!file) throw new HttpError(404, 'File not found');
      const seconds = typeof body.expiresIn === 'number' ? body.expiresIn : DEFAULT_ACCESS_SECONDS;
      if (seconds <= 0 || seconds > MAX_ACCESS_SECONDS) throw new HttpError(400, 'expiresIn must be within 7 days');
      const urls = fileUrls(context, file.key);
      const expiresAt = context.clock().getTime() + seconds * 1000;
      return { url: signUrl(urls.url, context.apiKey, expiresAt), ufsUrl: signUrl(urls.ufsUrl, context.apiKey, expiresAt) };
    },
    getUsageInfo() {
      const files = store.list();
      const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
      return { totalBytes, appTotalBytes: totalBytes, filesUploaded: files.length, limitBytes: USAGE_LIMIT_BYTES };
    },
  };

  return async function handleApiCall(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') throw new HttpError(405, 'UploadThing API calls are POSTs');
    if (request.headers['x-uploadthing-api-key'] !== context.apiKey) throw new HttpError(401, 'Invalid API key');
    const call = Object.hasOwn(calls, name) ? calls[name] : undefined;
    if (!call) throw new HttpError(404, `This local UploadThing does not offer /v6/${name}`);
    sendJson(response, 200, await call(await readJson(request)));
  };
}
