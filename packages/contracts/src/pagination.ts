import { z } from 'zod';
import { cursorInputSchema } from './primitives/keyset-cursor';

/** Keyset pagination: pass back `nextCursor` to get the page after. */
export const pageInputSchema = z.object({
  /** Opaque; each list decodes it with its own `keysetCursor` codec. */
  cursor: cursorInputSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type PageInput = z.input<typeof pageInputSchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
