import { z } from 'zod';

/** A record's id as the services make them (a UUID); `what` names it in the message. */
export function idSchema(what: string) {
  return z.uuid({ error: `Not a valid ${what} id` });
}

/** A document id of the old platform (a MongoDB ObjectId's 24 hex digits), kept by the owner of its import. */
export const legacyIdSchema = z
  .string({ error: 'Not a legacy id' })
  .regex(/^[0-9a-f]{24}$/, { error: 'Not a legacy id (24 lower-case hex digits)' });
