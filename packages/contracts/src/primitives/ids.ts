import { z } from 'zod';

/** A record's id as the services make them (a UUID); `what` names it in the message. */
export function idSchema(what: string) {
  return z.uuid({ error: `Not a valid ${what} id` });
}
