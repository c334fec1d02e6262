import { Alert, ButtonLink } from '@gametriggers/ui';
import { FinancialReportView } from '../../../components/money/financial-report-view';
import { MoneyPage } from '../../../components/money/money-page';
import { reportInput, reportQueryOf, reportSearch } from '../../../components/money/report-query';
import { ReportRangeForm } from '../../../components/money/report-range-form';
import type { SearchParams } from '../../../components/money/search-params';
import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

/** `/money/reports`: deposits, spend, fees, payouts, refunds and liabilities by day or month, from the ledger. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await portal.requirePermission('canViewFinancials');
  const query = reportQueryOf(await searchParams, new Date());
  const result = await portal.act((api) => api.payment.admin.reports.financial.query(reportInput(query)));
  return (
    <MoneyPage current="reports">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-slate-600">
          From the ledger, in UTC days or months. Liabilities are what the platform holds for brands and owes to
          streamers at the end of each period.
        </p>
        <ButtonLink href={`/money/reports/financial.csv?${reportSearch(query)}`} variant="secondary">
          Download CSV
        </ButtonLink>
      </div>
      <ReportRangeForm query={query} />
      {query.problem ? <Alert tone="warning">{query.problem}</Alert> : null}
      {result.ok ? (
        <FinancialReportView report={result.data} />
      ) : (
        <Alert title="The report could not be loaded">{result.error.message}</Alert>
      )}
    </MoneyPage>
  );
}
