import type { EventHandlers } from '@gametriggers/events';
import type { AdminTx } from './database';
import { appendAuditEntry } from './domain/audit-append';

/** What the admin service does with the events it subscribes to. */
export function adminEventHandlers(now: () => Date): EventHandlers {
  return {
    // The consumer runs handlers in the Prisma transaction its runner opened (see app.ts).
    'admin.action_recorded': (event, tx) => appendAuditEntry(tx as AdminTx, event, now()),
  };
}
