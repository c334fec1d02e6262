import { z } from 'zod';
import { idSchema } from './primitives/ids';

/** Most ids one admin name lookup answers for: a page of any admin table. */
export const MAX_NAME_LOOKUP_IDS = 100;

/** `brand.admin.namesByIds`: the brands on one page of an admin table. */
export const brandIdsInputSchema = z.object({
  brandIds: z.array(idSchema('brand')).max(MAX_NAME_LOOKUP_IDS),
});

/** `identity.admin.namesByIds`: the accounts (admins, brands, streamers) on one page of an admin table. */
export const userIdsInputSchema = z.object({
  userIds: z.array(idSchema('user')).max(MAX_NAME_LOOKUP_IDS),
});
