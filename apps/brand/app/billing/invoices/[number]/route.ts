import { downloadResponse } from '@gametriggers/auth/portal';
import { invoiceInputSchema } from '@gametriggers/contracts';
import { isMissingCampaign } from '../../../../components/analytics/api-errors';
import { portal } from '../../../../portal';

export const dynamic = 'force-dynamic';

/** One of the brand's invoices as a PDF download. */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const input = invoiceInputSchema.safeParse({ invoiceNumber: /^\d{1,10}$/.test(number) ? Number(number) : Number.NaN });
  if (!input.success) return new Response('There is no such invoice.', { status: 404 });
  const api = await portal.sessionApi();
  try {
    return downloadResponse(await api.payment.billing.invoicePdf.query(input.data));
  } catch (error) {
    // Another brand's invoice reads as missing, like one that does not exist.
    if (isMissingCampaign(error)) return new Response('There is no such invoice.', { status: 404 });
    throw error;
  }
}
