import { Counter, Gauge } from '@gametriggers/trpc';
import type { HourChargeOutcome } from './money/charging';

/** The payment service's business counters, served on its `/metrics`; `latestDifferences` reads the last reconciliation's count at each scrape. */
export function createPaymentMetrics(latestDifferences: () => Promise<number>) {
  const chargesPosted = new Counter({
    name: 'gametriggers_charges_posted_total',
    help: 'Counted participation-hours charged by the hour charger (escrow to earnings and fee), once committed',
    registers: [],
  });
  const chargedCents = new Counter({
    name: 'gametriggers_charged_cents_total',
    help: 'Cents those charges moved out of brands’ campaign escrow',
    registers: [],
  });
  const reconciliationDifferences = new Gauge({
    name: 'gametriggers_reconciliation_differences',
    help: 'Differences between the ledger and Stripe found by the latest reconciliation run (0 when none ran)',
    registers: [],
    async collect() {
      this.set(await latestDifferences());
    },
  });
  return {
    metrics: [chargesPosted, chargedCents, reconciliationDifferences],
    /** What a committed charging transaction posted (stale revisions and nothing-due hours are not charges). */
    charged: (outcomes: HourChargeOutcome[]) => {
      for (const outcome of outcomes) {
        if (outcome.status !== 'applied' || outcome.chargedCents <= 0) continue;
        chargesPosted.inc();
        chargedCents.inc(outcome.chargedCents);
      }
    },
  };
}
