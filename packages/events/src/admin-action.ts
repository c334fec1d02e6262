import type { z } from 'zod';
import type { EventEnvelope } from './catalogue';
import type { SqlExecutor } from './outbox';
import { recordEvent } from './outbox';

export { adminActionSchema } from './admin-action-schema';
export type { AdminActionPayload } from './admin-action-schema';

/** The admin who acted, as a service sees them in its procedure's context. */
export interface AdminActor {
  adminId: string;
  adminRole: string | null;
  requestId: string | null;
}

type JsonValue = z.infer<ReturnType<typeof z.json>>;

export interface AdminActionRecord {
  actor: AdminActor;
  permission: string | null;
  action: string;
  subject: { type: string; id: string };
  before: unknown;
  after: unknown;
  reason?: string | null;
  personal?: Record<string, string>;
  occurredAt: Date;
}

/** Values JSON can hold (dates as ISO text); undefined fields dropped, as the event will carry them. */
function asJson(value: unknown): JsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/**
 * Records an admin action for the audit log. Call it inside the transaction that makes the change:
 * the event is committed exactly when the change is, so no admin action goes unrecorded.
 */
export function recordAdminAction(
  tx: SqlExecutor,
  record: AdminActionRecord,
): Promise<EventEnvelope<'admin.action_recorded'>> {
  return recordEvent(tx, 'admin.action_recorded', {
    actor: { adminId: record.actor.adminId, adminRole: record.actor.adminRole },
    permission: record.permission,
    action: record.action,
    subject: record.subject,
    before: asJson(record.before),
    after: asJson(record.after),
    reason: record.reason ?? null,
    personal: record.personal ?? {},
    requestId: record.actor.requestId,
    occurredAt: record.occurredAt.toISOString(),
  });
}
