import { assetIdInputSchema } from '@gametriggers/contracts';
import type { ActionResult } from './action-result';

/** What the route needs of a portal (`createPortalPages(role)` gives it): the API as the signed-in person. */
export interface AssetFilePortal {
  act<T>(
    work: (api: {
      asset: { signedUrl: { mutate(input: { assetId: string }): Promise<{ url: string; expiresAt: Date }> } };
    }) => Promise<T>,
  ): Promise<ActionResult<T>>;
}

const statusByCode: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, PRECONDITION_FAILED: 409, UNAUTHORIZED: 401 };

function refusal(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * `app/files/[assetId]/route.ts` of a portal: opens an upload the signed-in person may see (a
 * private verification or KYC document included) by redirecting to a fresh signed URL of the asset
 * service (`asset.signedUrl`, five minutes). Links and `<img>`s point here rather than at a signed
 * URL, so a page left open never holds an expired one; who may see what is the asset service's call
 * (the owner; admins with the permission the document's review needs).
 */
export function createAssetFileRoute(portal: AssetFilePortal) {
  async function GET(_request: Request, context: { params: Promise<{ assetId: string }> }): Promise<Response> {
    const input = assetIdInputSchema.safeParse({ assetId: (await context.params).assetId });
    if (!input.success) return refusal(404, 'There is no such file.');
    const signed = await portal.act((api) => api.asset.signedUrl.mutate(input.data));
    if (!signed.ok) return refusal(statusByCode[signed.error.code ?? ''] ?? 502, signed.error.message);
    return new Response(null, {
      status: 303,
      // The signed URL is the credential: not cached, not passed on as a referrer.
      headers: { location: signed.data.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    });
  }
  return { GET };
}
