import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalUploadThingContext } from './context';
import { isValidKey } from './file-store';
import { HttpError, requestOrigin } from './http-io';
import { checkSignedUrl } from './signing';

/**
 * `GET`/`HEAD` `/f/<key>` and `/a/<appId>/<key>`: public files to anyone, private files only
 * through an unexpired URL signed with the app's key (`UTApi.getSignedURL` / `generateSignedURL`).
 */
export function createFileServing(context: LocalUploadThingContext) {
  return async function serveFile(request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
    const file = isValidKey(key) ? context.store.get(key) : undefined;
    if (!file) throw new HttpError(404, 'File not found');
    if (file.acl === 'private') {
      const check = checkSignedUrl(requestOrigin(request), request.url ?? '/', context.apiKey, context.clock().getTime());
      if (!check.ok) throw new HttpError(403, `This file is private: ${check.reason}`);
    }
    const headers = {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': `${file.contentDisposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': file.acl === 'private' ? 'private, no-store' : 'public, max-age=31536000, immutable',
      ETag: `"${file.fileHash}"`,
    };
    if (request.method === 'HEAD') {
      response.writeHead(200, headers).end();
      return;
    }
    response.writeHead(200, headers).end(await context.store.bytes(key));
  };
}
