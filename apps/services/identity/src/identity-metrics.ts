import type { EventEnvelope } from '@gametriggers/events';
import { Counter } from '@gametriggers/trpc';

/** The identity service's business counters, served on its `/metrics`. */
export function createIdentityMetrics() {
  const signups = new Counter({
    name: 'gametriggers_signups_total',
    help: 'Accounts created (sign-ups, first OAuth sign-ins, admins added by admins), by role',
    labelNames: ['role'],
    registers: [],
  });
  return {
    metrics: [signups],
    /** Counts an account once its `user.registered` is committed and published (the relay tells). */
    onPublished: (event: EventEnvelope) => {
      if (event.type === 'user.registered') {
        signups.inc({ role: (event as EventEnvelope<'user.registered'>).payload.role });
      }
    },
  };
}
