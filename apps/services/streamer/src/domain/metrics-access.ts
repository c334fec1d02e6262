import type { UserRole } from '@gametriggers/tokens';
import { DomainError } from '@gametriggers/trpc';

/**
 * Whose metrics a caller may read. Streamers: their own only. Brands: any streamer's, since the
 * numbers are what a marketplace shows them (search and cards show the same ones). Admins: any.
 */
export function metricsSubjectFor(
  caller: { userId: string; role: UserRole },
  requestedStreamerId: string | undefined,
): string {
  if (caller.role === 'streamer') {
    if (requestedStreamerId && requestedStreamerId !== caller.userId) {
      throw new DomainError('forbidden', 'not_your_metrics', 'You can only see your own metrics.');
    }
    return caller.userId;
  }
  if (!requestedStreamerId) {
    throw new DomainError(
      'invalid',
      'streamer_id_required',
      'Say whose metrics to show (streamerId).',
    );
  }
  return requestedStreamerId;
}
