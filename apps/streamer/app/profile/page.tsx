import {
  Alert,
  Badge,
  DetailList,
  PageHeader,
  ProfileModerationNotice,
  StatCard,
} from '@gametriggers/ui';
import {
  PlatformList,
  categoryLabel,
  countryLabel,
  formatCount,
  languageLabel,
  requireOnboardedStreamer,
} from '../../components/streamer-profile';
import { contentDraftOf, demographicsDraftOf } from '../../components/streamer-profile/drafts';
import { portal } from '../../portal';
import { startPlatformConnect } from '../connect/actions';
import {
  disconnectPlatform,
  requestVerification,
  savePayout,
  updateStreamerProfile,
} from './actions';
import { PayoutForm } from './payout-form';
import { ContentEditor, DemographicsEditor } from './section-editors';
import { VerificationSection } from './verification-section';

export const dynamic = 'force-dynamic';

const ratingLabels = { everyone: 'Everyone', teen: 'Teen', mature: 'Mature' } as const;

/**
 * What the average rests on: live checks over 30 days. Right after connecting there are only one or
 * two, so the "average" is about the audience of that moment, and the hint says so.
 */
function averageViewersBasis(platforms: ReadonlyArray<{ metrics: { monthlyHours: number } }>) {
  const hours = platforms.reduce((sum, platform) => sum + platform.metrics.monthlyHours, 0);
  if (platforms.length === 0) return 'Connect a platform to measure it';
  if (hours === 0) return 'From your first live checks only: close to your current viewers for now';
  return `While live, over ${hours} h measured in the last 30 days`;
}

export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string; connected?: string; connectError?: string }>;
}) {
  const profile = await requireOnboardedStreamer();
  const verification = await (await portal.sessionApi()).streamer.verification.mine.query();
  const { welcome, connected, connectError } = await searchParams;
  const schedule = profile.demographics.streamingSchedule;
  const hasPlatform = profile.platforms.length > 0;

  return (
    <portal.Shell>
      <PageHeader
        title={profile.displayName}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {categoryLabel(profile.content.primaryCategory)} ·{' '}
            {languageLabel(profile.content.language)} · {countryLabel(profile.demographics.country)}
            {profile.metrics.live ? (
              <Badge tone="danger" data-testid="live-badge">
                ● Live now
              </Badge>
            ) : null}
          </span>
        }
      />
      <div className="max-w-4xl space-y-6">
        <ProfileModerationNotice
          moderation={profile.profileModeration}
          publicFields="display name and categories"
        />
        {welcome ? (
          <Alert tone="success" title="Your profile is ready">
            {hasPlatform
              ? 'Brands can now find you. Browse the marketplace for campaigns that fit your channel.'
              : 'Connect Twitch below so brands see real numbers and campaigns with minimum sizes open up.'}
          </Alert>
        ) : null}
        {connected ? <Alert tone="success">Connected. Your latest numbers are below.</Alert> : null}
        {connectError ? (
          <div data-testid="connect-error">
            <Alert>{connectError}</Alert>
          </div>
        ) : null}

        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard
            label="Followers"
            value={formatCount(profile.metrics.followers)}
            hint="Best across your platforms"
            testId="metric-followers"
          />
          <StatCard
            label="Average viewers"
            value={formatCount(profile.metrics.averageViewers)}
            hint={averageViewersBasis(profile.platforms)}
            testId="metric-average-viewers"
          />
          <StatCard
            label="Status"
            value={profile.metrics.live ? 'Live' : 'Offline'}
            hint={hasPlatform ? 'Checked every few minutes' : 'Connect a platform to detect it'}
            testId="metric-live"
          />
        </div>

        <section
          className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
          aria-labelledby="platforms-title"
        >
          <h2 id="platforms-title" className="mb-4 text-lg font-semibold">
            Platforms
          </h2>
          <PlatformList
            platforms={profile.platforms}
            returnTo="/profile"
            startConnect={startPlatformConnect}
            disconnect={disconnectPlatform}
          />
        </section>

        <VerificationSection
          status={verification.status}
          rejectionReason={verification.latestRequest?.rejectionReason ?? null}
          hasPlatform={hasPlatform}
          submit={requestVerification}
        />

        <ContentEditor
          initialName={profile.displayName}
          initialContent={contentDraftOf(profile)}
          save={updateStreamerProfile}
          summary={
            <DetailList
              items={[
                { label: 'Display name', value: profile.displayName },
                { label: 'Main category', value: categoryLabel(profile.content.primaryCategory) },
                {
                  label: 'Other categories',
                  value:
                    profile.content.secondaryCategories.map(categoryLabel).join(', ') || 'None',
                },
                { label: 'Language', value: languageLabel(profile.content.language) },
                { label: 'Content rating', value: ratingLabels[profile.content.rating] },
              ]}
            />
          }
        />

        <DemographicsEditor
          initial={demographicsDraftOf(profile)}
          save={updateStreamerProfile}
          summary={
            <DetailList
              items={[
                { label: 'Country', value: countryLabel(profile.demographics.country) },
                { label: 'Time zone', value: profile.demographics.timezone.replaceAll('_', ' ') },
                {
                  label: 'Usual schedule',
                  value: schedule
                    ? `${schedule.days.map((day) => day[0]?.toUpperCase() + day.slice(1)).join(', ') || 'Any day'}, ${schedule.startTime}–${schedule.endTime}`
                    : 'Not set',
                },
              ]}
            />
          }
        />

        <PayoutForm current={profile.payout} save={savePayout} />
      </div>
    </portal.Shell>
  );
}
