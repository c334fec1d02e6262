import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalUploadThingContext } from './context';
import { uploadedFileData } from './context';
import { isValidKey } from './file-store';
import { HttpError, readJson, requestOrigin, sendError, sendJson } from './http-io';
import { MalformedMultipartError, MultipartFileReader } from './multipart-file';
import type { RouteCallbacks } from './route-callbacks';
import type { SignedUrlCheck } from './signing';
import { checkSignedUrl, signedValue } from './signing';

/** The ingest: route metadata, callback results, and the presigned `HEAD` / `PUT <key>`. */
export function createIngest(context: LocalUploadThingContext, callbacks: RouteCallbacks) {
  function requireApiKey(request: IncomingMessage): void {
    if (request.headers['x-uploadthing-api-key'] !== context.apiKey) throw new HttpError(401, 'Invalid API key');
  }

  async function registerRouteMetadata(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requireApiKey(request);
    const body = await readJson(request);
    const fileKeys = body.fileKeys;
    if (!Array.isArray(fileKeys) || !fileKeys.every((key): key is string => typeof key === 'string' && isValidKey(key))) {
      throw new HttpError(400, 'fileKeys must be a list of file keys');
    }
    if (typeof body.callbackUrl !== 'string' || typeof body.callbackSlug !== 'string') {
      throw new HttpError(400, 'callbackUrl and callbackSlug are required');
    }
    const registration = {
      metadata: body.metadata ?? {},
      callbackUrl: body.callbackUrl,
      callbackSlug: body.callbackSlug,
      awaitServerData: body.awaitServerData !== false,
    };
    if (body.isDev === true) {
      response.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-cache' });
      response.flushHeaders();
      callbacks.register(fileKeys, registration, response);
      return;
    }
    callbacks.register(fileKeys, registration);
    sendJson(response, 200, { ok: true });
  }

  async function receiveCallbackResult(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requireApiKey(request);
    const body = await readJson(request);
    if (typeof body.fileKey !== 'string') throw new HttpError(400, 'fileKey is required');
    const result = typeof body.error === 'string' ? { error: body.error } : { serverData: body.callbackData ?? null };
    if (!callbacks.settle(body.fileKey, result)) throw new HttpError(404, `No upload waits for ${body.fileKey}`);
    sendJson(response, 200, { ok: true });
  }

  function checkPresigned(request: IncomingMessage, key: string): Extract<SignedUrlCheck, { ok: true }> {
    const check = checkSignedUrl(requestOrigin(request), request.url ?? '/', context.apiKey, context.clock().getTime());
    if (!check.ok) throw new HttpError(check.status, `Presigned URL refused: ${check.reason}`);
    if (signedValue(check.params, 'x-ut-identifier') !== context.appId) throw new HttpError(403, 'Presigned URL is for another app');
    if (!isValidKey(key)) throw new HttpError(400, 'Not a file key');
    return check;
  }

  async function headUpload(request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
    checkPresigned(request, key);
    const received = context.store.get(key)?.size ?? (await context.store.receivedBytes(key));
    response.writeHead(200, { 'x-ut-range-start': String(received) }).end();
  }

  async function putUpload(request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
    const { params } = checkPresigned(request, key);
    if (context.store.get(key)) throw new HttpError(409, 'This file is already uploaded');
    const declaredSize = Number(signedValue(params, 'x-ut-file-size'));
    const boundary = MultipartFileReader.boundaryOf(request.headers['content-type']);
    if (!boundary) throw new HttpError(400, 'The upload must be multipart/form-data with a "file" field');
    const rangeStart = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? 'bytes=0-')?.[1] ?? Number.NaN);
    const received = await context.store.receivedBytes(key);
    if (rangeStart !== 0 && rangeStart !== received) {
      throw new HttpError(416, `Range must start at 0 or at the ${received} bytes already received`);
    }

    if (rangeStart === 0) await context.store.resetPartial(key);
    const reader = new MultipartFileReader(boundary);
    let written = rangeStart;
    try {
      for await (const chunk of request.iterator({ destroyOnReturn: false })) {
        const data = reader.push(chunk as Buffer);
        if (written + data.length > declaredSize) {
          await context.store.delete(key);
          throw new HttpError(413, `The file is larger than the ${declaredSize} bytes it was presigned for`);
        }
        if (data.length > 0) await context.store.appendPartial(key, data);
        written += data.length;
      }
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (error instanceof MalformedMultipartError) throw new HttpError(400, error.message);
      return; // the client went away (paused or cut off): what was certain is kept for a resume
    }
    if (!reader.finished) throw new HttpError(400, 'The multipart body ended before its closing boundary');
    await finishUpload(request, response, key, params);
  }

  async function finishUpload(request: IncomingMessage, response: ServerResponse, key: string, params: URLSearchParams) {
    const file = await context.store.complete({
      key,
      name: signedValue(params, 'x-ut-file-name') ?? key,
      type: signedValue(params, 'x-ut-file-type') ?? 'application/octet-stream',
      customId: signedValue(params, 'x-ut-custom-id') ?? null,
      acl: signedValue(params, 'x-ut-acl') === 'private' ? 'private' : 'public-read',
      contentDisposition: signedValue(params, 'x-ut-content-disposition') === 'attachment' ? 'attachment' : 'inline',
      uploadedAt: context.clock().getTime(),
    });
    const data = uploadedFileData(context, file);
    const slug = signedValue(params, 'x-ut-slug');
    const registration = slug === undefined ? undefined : await callbacks.registrationFor(key);
    if (!registration) {
      sendJson(response, 200, { ...data, serverData: null });
      return;
    }
    const result = await callbacks.deliver(key, registration, { file: data, origin: requestOrigin(request) });
    if ('error' in result) sendError(response, 502, result.error);
    else sendJson(response, 200, { ...data, serverData: result.serverData });
  }

  return { registerRouteMetadata, receiveCallbackResult, headUpload, putUpload };
}
