import type { FinancialReportInput } from '@gametriggers/contracts';
import { financialReportInputSchema } from '@gametriggers/contracts';
import type { SearchParams } from './search-params';
import { paramOf } from './search-params';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_DAYS = 30;

/** The report's window as the address carries it: first and last UTC day (inclusive), and the bucket. */
export interface ReportQuery {
  from: string;
  to: string;
  granularity: 'day' | 'month';
  /** The window asked for could not be used (said so, and the default shown instead). */
  problem: string | null;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function dayStart(day: string): Date | null {
  if (!DAY_PATTERN.test(day)) return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || dayOf(date) !== day ? null : date;
}

/** What `payment.admin.reports.financial` is asked: the last day is included. */
export function reportInput(query: Pick<ReportQuery, 'from' | 'to' | 'granularity'>): FinancialReportInput {
  return {
    from: new Date(`${query.from}T00:00:00.000Z`),
    to: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS),
    granularity: query.granularity,
  };
}

/** The window from the address, checked with the service's own schema; the last 30 days by default. */
export function reportQueryOf(params: SearchParams, today: Date): ReportQuery {
  const fallback = {
    from: dayOf(new Date(today.getTime() - (DEFAULT_DAYS - 1) * DAY_MS)),
    to: dayOf(today),
    granularity: 'day' as const,
  };
  const asked = {
    from: paramOf(params, 'from') || fallback.from,
    to: paramOf(params, 'to') || fallback.to,
    granularity: paramOf(params, 'granularity') === 'month' ? ('month' as const) : ('day' as const),
  };
  if (!dayStart(asked.from) || !dayStart(asked.to)) {
    return { ...fallback, granularity: asked.granularity, problem: 'Those are not dates: the last 30 days are shown.' };
  }
  const checked = financialReportInputSchema.safeParse(reportInput(asked));
  if (!checked.success) {
    const message = checked.error.issues[0]?.message ?? 'That window cannot be shown';
    return { ...fallback, granularity: 'day', problem: `${message}: the last 30 days are shown.` };
  }
  return { ...asked, problem: null };
}

export function reportSearch(query: Pick<ReportQuery, 'from' | 'to' | 'granularity'>): string {
  return new URLSearchParams({ from: query.from, to: query.to, granularity: query.granularity }).toString();
}
