import { z } from 'zod';
import { idSchema } from './primitives/ids';
import { instantSchema } from './primitives/instants';
import { cursorInputSchema } from './primitives/keyset-cursor';
import { opaqueStringSchema } from './primitives/text';

/** The audit log's filters (all optional, combined) and its keyset page, newest first. */
export const listAuditLogInputSchema = z
  .object({
    actorId: idSchema('admin').optional(),
    /** An action name, e.g. `brand.verify`. */
    action: opaqueStringSchema({ what: 'action', max: 100 }).optional(),
    subjectType: opaqueStringSchema({ what: 'subject type', max: 100 }).optional(),
    subjectId: opaqueStringSchema({ what: 'subject id', max: 200 }).optional(),
    /** Actions that happened at or after `from` and before `to`. */
    from: instantSchema().optional(),
    to: instantSchema().optional(),
    cursor: cursorInputSchema.optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    path: ['to'],
    message: 'The end of the period must be after its start',
  });
export type ListAuditLogInput = z.input<typeof listAuditLogInputSchema>;

/** Whose personal details to erase from the audit log: every entry about one subject. */
export const eraseAuditPersonalDetailsInputSchema = z.object({
  subjectType: opaqueStringSchema({ what: 'subject type', max: 100 }),
  subjectId: opaqueStringSchema({ what: 'subject id', max: 200 }),
});
