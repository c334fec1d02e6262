import { ButtonLink, Card, EmptyState, PageHeader, StatCard } from '@gametriggers/ui';
import { LevelProgress } from '../../components/progression/level-progress';
import { StreakCalendar } from '../../components/progression/streak-calendar';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

export default async function ProgressPage() {
  const api = await portal.sessionApi();
  const progression = await api.streamer.progression.mine.query();

  return (
    <portal.Shell>
      <PageHeader
        title="Progress"
        description="Your level, reputation and daily streak, earned by delivering sponsors live."
      />
      {progression ? (
        <div className="space-y-6">
          <LevelProgress progression={progression} />
          <section aria-label="Reputation and streaks" className="grid gap-4 sm:grid-cols-3">
            <StatCard
              label="Reputation"
              value={`${progression.reputation.toLocaleString('en-US')} RP`}
              hint="Brands see it and can filter by it."
              testId="progression-reputation"
            />
            <StatCard
              label="Current streak"
              value={days(progression.currentStreak)}
              hint={
                progression.countedToday
                  ? 'Today counts already.'
                  : 'Go live with a sponsor today to keep it going.'
              }
              testId="progression-current-streak"
            />
            <StatCard
              label="Longest streak"
              value={days(progression.longestStreak)}
              testId="progression-longest-streak"
            />
          </section>
          <StreakCalendar progression={progression} />
          <Card className="space-y-2 text-sm text-slate-600">
            <h2 className="text-lg font-semibold text-slate-900">How it works</h2>
            <p>
              Every {progression.rules.countedImpressionsPerExperiencePoint} counted impressions
              (viewers who saw a sponsor) earn 1 XP, and each campaign you complete with delivery
              earns {progression.rules.experiencePerCompletedCampaign} XP and{' '}
              {progression.rules.reputationPerCompletedCampaign} RP. A removal from a campaign for
              fraud costs {progression.rules.reputationLostPerFraudRemoval} RP.
            </p>
            <p>
              So far: {progression.countedImpressions.toLocaleString('en-US')} counted impressions,{' '}
              {progression.completedCampaigns} completed{' '}
              {progression.completedCampaigns === 1 ? 'campaign' : 'campaigns'}.
            </p>
          </Card>
        </div>
      ) : (
        <EmptyState
          title="Finish onboarding first"
          action={<ButtonLink href="/onboarding">Onboard</ButtonLink>}
        >
          Your progress starts with your first sponsored stream.
        </EmptyState>
      )}
    </portal.Shell>
  );
}
