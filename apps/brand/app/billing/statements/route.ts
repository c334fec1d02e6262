import { downloadResponse } from '@gametriggers/auth/portal';
import { statementInputSchema } from '@gametriggers/contracts';
import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

/** The brand's statement for `?month=YYYY-MM&format=pdf|csv` as a download. */
export async function GET(request: Request) {
  const search = new URL(request.url).searchParams;
  const input = statementInputSchema.safeParse({ month: search.get('month'), format: search.get('format') ?? 'pdf' });
  if (!input.success) {
    return new Response(input.error.issues.map((issue) => issue.message).join('; '), { status: 400 });
  }
  const api = await portal.sessionApi();
  return downloadResponse(await api.payment.statements.brand.query(input.data));
}
