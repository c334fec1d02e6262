'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { SearchStreamersInput } from '@gametriggers/contracts';
import { portal } from '../../portal';
import type { StreamerResult } from './streamer-result-card';

/** The next page of the same search, for "Load more". */
export async function loadMoreStreamers(
  input: SearchStreamersInput,
  cursor: string,
): Promise<ActionResult<{ items: StreamerResult[]; nextCursor: string | null }>> {
  return portal.act((api) => api.streamer.search.query({ ...input, cursor }));
}
