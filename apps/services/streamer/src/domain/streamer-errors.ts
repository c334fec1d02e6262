import { DomainError } from '@gametriggers/trpc';

export const notOnboarded = () =>
  new DomainError(
    'precondition_failed',
    'streamer_not_onboarded',
    'Finish onboarding first: tell us your display name, content and country.',
  );

export const streamerNotFound = () =>
  new DomainError('not_found', 'streamer_not_found', 'There is no streamer with this id.');
