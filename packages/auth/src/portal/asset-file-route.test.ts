import { describe, expect, it } from 'vitest';
import type { AssetFilePortal } from './asset-file-route';
import { createAssetFileRoute } from './asset-file-route';

const assetId = '5f0c7a52-7d1e-4c55-9b59-0b8a4c1f2e11';

/** A portal whose API answers `signedUrl` with `answer`, recording what it was asked. */
function portalAnswering(answer: (assetId: string) => Promise<{ url: string; expiresAt: Date }>) {
  const asked: string[] = [];
  const portal: AssetFilePortal = {
    async act(work) {
      try {
        return { ok: true, data: await work({ asset: { signedUrl: { mutate: ({ assetId }) => (asked.push(assetId), answer(assetId)) } } }) };
      } catch (error) {
        const { message, code } = error as { message: string; code?: string };
        return { ok: false, error: { message, code } };
      }
    },
  };
  return { portal, asked };
}

const open = (portal: AssetFilePortal, id: string) =>
  createAssetFileRoute(portal).GET(new Request(`http://localhost:3003/files/${id}`), { params: Promise.resolve({ assetId: id }) });

describe('a portal’s file route', () => {
  it('redirects to a fresh signed URL, uncached and without a referrer', async () => {
    const { portal, asked } = portalAnswering((id) =>
      Promise.resolve({ url: `http://files.test/a/app/${id}?signature=s`, expiresAt: new Date() }),
    );
    const response = await open(portal, assetId);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`http://files.test/a/app/${assetId}?signature=s`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(asked).toEqual([assetId]);
  });

  it('answers a refusal with its status and message', async () => {
    const refusing = (code: string, message: string) =>
      portalAnswering(() => Promise.reject(Object.assign(new Error(message), { code, message }))).portal;
    const hidden = await open(refusing('NOT_FOUND', 'There is no such file.'), assetId);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe('There is no such file.');
    expect((await open(refusing('FORBIDDEN', 'This needs the canVerifyBrands admin permission.'), assetId)).status).toBe(403);
    expect((await open(refusing('PRECONDITION_FAILED', 'The file is not ready yet.'), assetId)).status).toBe(409);
  });

  it('does not ask the API about something that is not an asset id', async () => {
    const { portal, asked } = portalAnswering(() => Promise.reject(new Error('not asked')));
    expect((await open(portal, '..%2Fadmin')).status).toBe(404);
    expect(asked).toEqual([]);
  });
});
