import { qrCodeSvg, shortLinkUrl } from '../../../../components/sponsor-link';

const codePattern = /^[A-Za-z0-9_-]{8,32}$/;

/**
 * `GET /overlay/qr/<clickCode>`: the QR code of a tracked short link, drawn on the OBS overlay under
 * the ad. Public like the overlay page (the link is shown on stream anyway) and only ever for our own
 * short links, so it cannot be used to make QR codes of anything else.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!codePattern.test(code)) return new Response('Not found', { status: 404 });
  return new Response(await qrCodeSvg(shortLinkUrl(code)), {
    headers: {
      'content-type': 'image/svg+xml',
      // A code's link never changes.
      'cache-control': 'public, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
}
