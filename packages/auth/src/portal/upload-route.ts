import type { NextAuthOptions } from 'next-auth';
import { portalSession } from '../server';
import { UPLOAD_ROUTE } from '../upload/upload-path';


/** Upload requests carry claims (names, sizes, types), never the file itself. */
const MAX_UPLOAD_CLAIM_BYTES = 64 * 1024;

/** What the upload client sends that the asset service's route handler reads. */
const FORWARDED_HEADERS = ['content-type', 'x-uploadthing-version', 'x-uploadthing-package', 'traceparent', 'b3'];

export interface UploadRouteOptions {
  authOptions: () => NextAuthOptions;
  /** The gateway; `GATEWAY_URL` by default. */
  gatewayUrl?: () => string;
  fetch?: typeof fetch;
}

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * `app/api/uploadthing/route.ts` of a portal: the browser's `@uploadthing/react` client asks here
 * (same origin, the session cookie) and the request goes on to the gateway's `/api/uploadthing` with
 * the signed-in person's access token, which the asset service's route handler checks. The file
 * itself then goes from the browser straight to the store, on the presigned URL it was given.
 */
export function createUploadRoute({
  authOptions,
  gatewayUrl = () => process.env.GATEWAY_URL ?? 'http://localhost:4000',
  fetch: send = fetch,
}: UploadRouteOptions) {
  async function forward(request: Request): Promise<Response> {
    // Another site's page posting with the person's cookies must not upload as them.
    const fetchSite = request.headers.get('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin') {
      return json({ error: 'Uploads are only for this portal’s own pages' }, 403);
    }
    const session = await portalSession(authOptions());
    if (!session) return json({ error: 'Sign in to upload files.' }, 401);

    let body: ArrayBuffer | undefined;
    if (request.method === 'POST') {
      body = await request.arrayBuffer();
      if (body.byteLength > MAX_UPLOAD_CLAIM_BYTES) return json({ error: 'Request too large' }, 413);
    }
    const headers = new Headers({ authorization: `Bearer ${session.accessToken}` });
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    const target = new URL(`${UPLOAD_ROUTE}${new URL(request.url).search}`, gatewayUrl());
    let answer: Response;
    try {
      answer = await send(target, { method: request.method, headers, body, cache: 'no-store' });
    } catch {
      return json({ error: 'Uploads are unavailable right now. Try again in a moment.' }, 503);
    }
    const passed = new Headers({ 'cache-control': 'no-store' });
    const contentType = answer.headers.get('content-type');
    if (contentType) passed.set('content-type', contentType);
    return new Response(answer.body, { status: answer.status, headers: passed });
  }
  return { GET: forward, POST: forward };
}
