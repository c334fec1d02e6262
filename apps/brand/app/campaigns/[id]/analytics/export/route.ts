import { chosenReportRange } from '@gametriggers/contracts';
import { isMissingCampaign, isServiceUnavailable } from '../../../../../components/analytics/api-errors';
import { portal } from '../../../../../portal';

export const dynamic = 'force-dynamic';

/** The campaign's delivery for the chosen window as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const search = new URL(request.url).searchParams;
  const range = chosenReportRange({
    range: search.get('range'),
    granularity: search.get('granularity'),
  });
  const api = await portal.sessionApi();
  try {
    const file = await api.analytics.campaignCsv.query({
      campaignId: id,
      from: range.from,
      to: range.to,
      granularity: range.granularity,
    });
    return new Response(file.csv, {
      headers: {
        'content-type': `${file.contentType}; charset=utf-8`,
        'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (isMissingCampaign(error)) {
      return new Response('There is no such campaign.', { status: 404 });
    }
    if (isServiceUnavailable(error)) {
      return new Response('The export cannot be made right now; try again shortly.', {
        status: 503,
        headers: { 'retry-after': '30' },
      });
    }
    throw error;
  }
}
