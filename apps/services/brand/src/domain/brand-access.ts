import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';

/**
 * Who may read a brand's full profile and history: the brand itself and any admin. Another brand
 * hears "not found" whether or not the brand exists, so ids cannot be probed; a streamer is refused
 * by role, which says nothing about the brand either.
 */
export function assertMayReadBrand(caller: UserCaller, brandId: string): void {
  if (caller.role === 'admin') return;
  if (caller.role === 'brand' && caller.userId === brandId) return;
  if (caller.role === 'streamer') {
    throw new DomainError(
      'forbidden',
      'not_allowed',
      'Streamers see a brand’s public profile only.',
    );
  }
  throw brandNotFound();
}

export const brandNotFound = () =>
  new DomainError('not_found', 'brand_not_found', 'There is no brand with this id.');

export const notOnboarded = () =>
  new DomainError(
    'not_found',
    'not_onboarded',
    'Set up your company profile first (onboarding), then try again.',
  );
