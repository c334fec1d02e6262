import { downloadResponse } from '@gametriggers/auth/portal';
import { reportInput, reportQueryOf } from '../../../../components/money/report-query';
import { portal } from '../../../../portal';

export const dynamic = 'force-dynamic';

/** The financial report of the range in the address, as the payment service writes it in CSV. */
export async function GET(request: Request) {
  const query = reportQueryOf(Object.fromEntries(new URL(request.url).searchParams), new Date());
  const api = await portal.sessionApi();
  return downloadResponse(await api.payment.admin.reports.financialCsv.query(reportInput(query)));
}
