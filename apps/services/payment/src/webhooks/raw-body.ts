import type http from 'node:http';
import { MAX_REQUEST_BODY_BYTES } from '@gametriggers/trpc';

export class BodyTooLargeError extends Error {}

/** The request's body exactly as sent: a webhook signature covers these bytes, not a re-serialisation. */
export async function readRawBody(req: http.IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`The body is larger than ${limit} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
