import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_JSON_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const body: unknown = JSON.parse(text === '' ? '{}' : text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'The body must be a JSON object');
}

/**
 * Reads what is left of a refused request's body (up to `limit` bytes) so the client, still sending,
 * gets to read the answer; past the limit the connection closes after the answer instead.
 */
export async function discardBody(request: IncomingMessage, response: ServerResponse, limit: number): Promise<void> {
  if (request.readableEnded || request.destroyed) return;
  let size = 0;
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      response.setHeader('Connection', 'close');
      return;
    }
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** UploadThing's error bodies are `{ error }`; the browser SDK reads that field. */
export function sendError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { error: message });
}

export function requestOrigin(request: IncomingMessage): string {
  return `http://${request.headers.host ?? 'localhost'}`;
}
