import { z } from 'zod';
import { qrCodePng, qrCodeSvg, shortLinkUrl } from '../../../../components/sponsor-link';
import { portal } from '../../../../portal';

const paramsSchema = z.object({ participationId: z.uuid() });
const formatSchema = z.enum(['png', 'svg']).catch('png');

/**
 * `GET /my-campaigns/<participationId>/qr?format=png|svg`: the QR code of the signed-in streamer's
 * own sponsor link as a download (the participation service shows the code to its streamer only).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ participationId: string }> },
) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return new Response('Not found', { status: 404 });
  const format = formatSchema.parse(new URL(request.url).searchParams.get('format'));
  const api = await portal.sessionApi();
  const participation = await api.participation.get
    .query({ participationId: parsed.data.participationId })
    .catch(() => null);
  if (!participation?.clickCode) return new Response('Not found', { status: 404 });
  const link = shortLinkUrl(participation.clickCode);
  const filename = `sponsor-qr-${participation.clickCode}.${format}`;
  const headers = {
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'private, no-store',
  };
  if (format === 'svg') {
    return new Response(await qrCodeSvg(link), {
      headers: { ...headers, 'content-type': 'image/svg+xml' },
    });
  }
  return new Response(new Uint8Array(await qrCodePng(link, 1024)), {
    headers: { ...headers, 'content-type': 'image/png' },
  });
}
