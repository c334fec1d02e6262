import { Counter } from '@gametriggers/trpc';
import type { HourChargeOutcome } from './money/charging';

/** The payment service's business counters, served on its `/metrics`. */
export function createPaymentMetrics() {
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
  return {
    metrics: [chargesPosted, chargedCents],
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
