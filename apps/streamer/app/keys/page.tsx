import { Alert, Badge, ButtonLink, Card, PageHeader, StatCard, Table } from '@gametriggers/ui';
import type { Column } from '@gametriggers/ui';
import { Countdown, LocalTime, categoryLabel } from '../../components/participation';
import type { GKey } from '../../components/participation';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const stateBadges = {
  available: { tone: 'success', label: 'Available' },
  locked: { tone: 'brand', label: 'Locked' },
  cooloff: { tone: 'warning', label: 'Cooling off' },
} as const;

/** A key of a category outside the streamer's profile opens nothing, so it is not "available". */
const notInProfile = { tone: 'neutral', label: 'Not in your profile' } as const;

const badgeOf = (key: GKey, usable: boolean) =>
  !usable && key.state === 'available' ? notInProfile : stateBadges[key.state];

const columnsFor = (usable: boolean): ReadonlyArray<Column<GKey>> => [
  {
    header: 'Category',
    cell: (key) => (
      <span className="font-medium text-slate-900">{categoryLabel(key.category)}</span>
    ),
  },
  {
    header: 'State',
    cell: (key) => (
      <Badge tone={badgeOf(key, usable).tone} data-testid="gkey-state">
        {badgeOf(key, usable).label}
      </Badge>
    ),
  },
  {
    header: 'Details',
    cell: (key) =>
      key.state === 'locked' ? (
        <span>
          In use by <strong>{key.campaignTitle ?? 'a campaign'}</strong>
        </span>
      ) : key.state === 'cooloff' && key.cooloffUntil ? (
        <span>
          Free in <Countdown until={key.cooloffUntil} testId="gkey-cooloff-left" /> (
          <LocalTime date={key.cooloffUntil} />
          ). Campaigns of the brand behind “{key.campaignTitle ?? 'your last campaign'}” can use it
          sooner.
        </span>
      ) : usable ? (
        <span className="text-slate-500">Ready for a campaign</span>
      ) : (
        <span className="text-slate-500">Add this category to your profile to use it</span>
      ),
  },
];

function EnergyPips({ remaining, capacity }: { remaining: number; capacity: number }) {
  return (
    <span className="mt-1 flex gap-1" aria-hidden>
      {Array.from({ length: capacity }, (_, index) => (
        <span
          key={index}
          className={
            index < remaining
              ? 'h-2 flex-1 rounded-full bg-brand-500'
              : 'h-2 flex-1 rounded-full bg-slate-200'
          }
        />
      ))}
    </span>
  );
}

export default async function KeysPage() {
  const api = await portal.sessionApi();
  const [keys, energy, profile] = await Promise.all([
    api.participation.keys.list.query(),
    api.participation.energy.get.query(),
    api.streamer.me.query(),
  ]);
  const mine = profile
    ? [profile.content.primaryCategory, ...profile.content.secondaryCategories]
    : [];
  const yourKeys = mine
    .map((category) => keys.find((key) => key.category === category))
    .filter((key): key is GKey => Boolean(key));
  const otherKeys = keys.filter((key) => !mine.includes(key.category));

  return (
    <portal.Shell>
      <PageHeader
        title="G-Keys & energy"
        description="One G-Key per category: a campaign locks one while you run it, so you run one campaign per category at a time."
        actions={
          <ButtonLink href="/my-campaigns" variant="secondary">
            My campaigns
          </ButtonLink>
        }
      />
      <div className="max-w-4xl space-y-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <StatCard
            label="Energy today"
            value={`${energy.remaining}/${energy.capacity}`}
            testId="energy-remaining"
            hint={
              <>
                <EnergyPips remaining={energy.remaining} capacity={energy.capacity} />
                <span className="mt-2 block">
                  Joining costs one. Refills at <LocalTime date={energy.resetsAt} /> (midnight in{' '}
                  {energy.timezone.replaceAll('_', ' ')}).
                </span>
              </>
            }
          />
          <StatCard
            label="Keys in use"
            value={keys.filter((key) => key.state === 'locked').length}
            hint={`${keys.filter((key) => key.state === 'cooloff').length} cooling off`}
            testId="keys-locked"
          />
        </div>

        {!profile ? (
          <Alert tone="info" title="Finish your profile">
            Campaigns use the keys of the categories you stream in.{' '}
            <a href="/onboarding" className="font-medium underline">
              Set up your profile
            </a>{' '}
            to start joining.
          </Alert>
        ) : null}

        {yourKeys.length > 0 ? (
          <section aria-labelledby="your-keys">
            <h2 id="your-keys" className="mb-3 text-lg font-semibold">
              Your categories
            </h2>
            <Table
              columns={columnsFor(true)}
              rows={yourKeys}
              rowKey={(key) => key.category}
              rowTestId="gkey-row"
              caption="Your G-Keys"
            />
          </section>
        ) : null}

        <Card>
          <details>
            <summary className="cursor-pointer text-sm font-semibold text-slate-800">
              Other categories ({otherKeys.length})
            </summary>
            <p className="mt-2 text-sm text-slate-600">
              Add a category to your profile to join its campaigns with its key.
            </p>
            <div className="mt-4">
              <Table
                columns={columnsFor(false)}
                rows={otherKeys}
                rowKey={(key) => key.category}
                rowTestId="gkey-row"
                caption="Other G-Keys"
              />
            </div>
          </details>
        </Card>
      </div>
    </portal.Shell>
  );
}
