import { formatCents } from '@gametriggers/contracts';
import { Card, StatementDownload, Table } from '@gametriggers/ui';
import { LocalTime } from '../campaigns/local-time';
import type { Invoice } from './types';

/** An invoice per top-up, and monthly statements of the wallet, to download. */
export function BillingDocuments({ invoices, now }: { invoices: readonly Invoice[] | { error: string }; now: Date }) {
  return (
    <section id="documents" aria-labelledby="documents-heading" className="space-y-4 scroll-mt-6">
      <h2 id="documents-heading" className="text-lg font-semibold text-slate-900">
        Invoices and statements
      </h2>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-700">Invoices</h3>
          {'error' in invoices ? (
            <p className="text-sm text-red-700">Your invoices could not be loaded: {invoices.error}</p>
          ) : invoices.length === 0 ? (
            <p className="rounded-2xl border-2 border-dashed border-slate-200 bg-white p-6 text-center text-sm text-slate-500" data-testid="invoices-empty">
              No invoices yet: each top-up gets one here as soon as it is paid.
            </p>
          ) : (
            <Table
              caption="Invoices, one per top-up"
              rows={invoices}
              rowKey={(invoice) => String(invoice.invoiceNumber)}
              rowTestId="invoice-row"
              phoneLayout="cards"
              columns={[
                {
                  header: 'Invoice',
                  cell: (invoice) => (
                    <a
                      href={`/billing/invoices/${invoice.invoiceNumber}`}
                      className="font-medium text-brand-700 hover:underline"
                      download
                    >
                      {invoice.number} <span className="text-xs font-normal">(PDF)</span>
                    </a>
                  ),
                },
                { header: 'Paid', cell: (invoice) => <LocalTime date={invoice.paidAt} /> },
                {
                  header: 'Amount',
                  cell: (invoice) => (
                    <span className="flex flex-col tabular-nums">
                      {formatCents(invoice.amountCents, invoice.currency)}
                      {invoice.refundedCents > 0 ? (
                        <span className="text-xs text-slate-500">
                          {formatCents(invoice.refundedCents, invoice.currency)} refunded
                        </span>
                      ) : null}
                    </span>
                  ),
                  className: 'sm:text-right',
                },
              ]}
            />
          )}
        </div>
        <Card className="space-y-3">
          <h3 className="text-sm font-semibold text-slate-700">Monthly statement</h3>
          <p className="text-sm text-slate-600">
            Every movement of your wallet in a month, with opening and closing balances.
          </p>
          <StatementDownload action="/billing/statements" now={now} />
        </Card>
      </div>
    </section>
  );
}
