import type { Logger } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import type { HourChargeOutcome } from '../money/charging';
import { chargeQueuedHours } from '../money/counted-hours-inbox';

const HOURS_PER_TRANSACTION = 1000;

/**
 * Charges queued counted hours in transactions of up to a thousand, as long as there are any,
 * with `loops` chargers side by side; idle, each looks again every `idleMs`.
 */
export function startHourCharger(options: {
  deps: PaymentDeps;
  log: Logger;
  loops?: number;
  idleMs?: number;
  /** Told what each committed transaction charged (the business counters). */
  charged?: (outcomes: HourChargeOutcome[]) => void;
}) {
  const { deps, log } = options;
  let running = true;
  let wake: (() => void) | undefined;
  const loops = Array.from({ length: options.loops ?? 2 }, async () => {
    while (running) {
      let charged = 0;
      try {
        const outcomes = await deps.transaction((tx) => chargeQueuedHours(tx, deps, HOURS_PER_TRANSACTION));
        options.charged?.(outcomes);
        charged = outcomes.length;
      } catch (error) {
        log.error({ err: error }, 'charging queued hours failed; retrying');
      }
      if (charged === 0 && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.idleMs ?? 100);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  });
  return {
    async stop() {
      running = false;
      wake?.();
      await Promise.all(loops);
    },
  };
}
