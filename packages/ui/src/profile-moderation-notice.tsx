import type { ProfileModeration } from '@gametriggers/contracts';
import { Alert } from './controls';

/**
 * Tells a brand or streamer, on their own profile page, that moderation hid their public profile
 * and why; nothing while it is not rejected. `publicFields` names what others no longer see.
 */
export function ProfileModerationNotice({
  moderation,
  publicFields,
  className,
}: {
  moderation: ProfileModeration | null;
  publicFields: string;
  className?: string;
}) {
  if (moderation?.status !== 'rejected') return null;
  return (
    <div className={className} data-testid="profile-moderation-rejected">
      <Alert tone="warning" title="Your public profile is hidden">
        Our moderators rejected your {publicFields}:{' '}
        <span data-testid="profile-moderation-reason">
          {moderation.reason ?? 'no reason was given'}
        </span>
        . Others see a placeholder until you change it; your change goes to review again.
      </Alert>
    </div>
  );
}
