import { z } from 'zod';

const shortName = z.string().min(1).max(100);

/** The payload of `admin.action_recorded`: who did what to which record, under which permission. */
export const adminActionSchema = z.object({
  actor: z.object({
    adminId: z.uuid(),
    /** `super_admin`, `admin`, `moderator`, `support`; null for an admin token without one. */
    adminRole: shortName.nullable(),
  }),
  /** The admin permission flag the procedure required; null when any admin may do it. */
  permission: shortName.nullable(),
  /** `<domain>.<verb>`, e.g. `brand.verify`, `participation.conflict_rule.update`. */
  action: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/).max(100),
  subject: z.object({ type: shortName, id: z.string().min(1).max(200) }),
  /** The state before and after (no personal data: put names and emails in `personal`). */
  before: z.json().nullable(),
  after: z.json().nullable(),
  reason: z.string().max(2000).nullable(),
  /** Names, emails and the like: kept beside the hashed entry, erasable on request. */
  personal: z.record(z.string(), z.string().max(500)).default({}),
  requestId: z.string().max(128).nullable(),
  occurredAt: z.iso.datetime(),
});
export type AdminActionPayload = z.infer<typeof adminActionSchema>;
