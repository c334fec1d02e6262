import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlainRoute } from '@gametriggers/trpc';
import { MAX_REQUEST_BODY_BYTES } from '@gametriggers/trpc';

/** The path the upload routes are served at (the gateway forwards `/api/uploadthing` here). */
export const UPLOAD_ROUTE_PATH = '/api/uploadthing';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BODY_BYTES) throw new Error('The upload request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method, headers, body });
}

async function sendResponse(res: ServerResponse, response: Response) {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/**
 * Serves UploadThing's `Request → Response` route handler (`uploadthing/server`'s
 * `createRouteHandler`) on the service's node:http server.
 */
export function uploadRoute(handler: () => (request: Request) => Promise<Response>): PlainRoute {
  return async (req, res) => {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    await sendResponse(res, await handler()(toRequest(req, body)));
  };
}
