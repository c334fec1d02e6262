import { campaignStatusSchema } from '@gametriggers/contracts';
import type { CampaignStatus } from '@gametriggers/contracts';
import { Alert, ButtonLink, EmptyState, LoadMore, PageHeader, Tabs } from '@gametriggers/ui';
import { BrandSetupBanner, ownBrandProfile } from '../../components/brand-profile';
import { CampaignStatusBadge } from '../../components/campaigns/campaign-status-badge';
import { CreativeThumbnail } from '../../components/campaigns/creative-thumbnail';
import { formatCount, formatMoney, pricingLabel } from '../../components/campaigns/formatting';
import { LocalTime } from '../../components/campaigns/local-time';
import type { Campaign } from '../../components/campaigns/types';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

const tabs: ReadonlyArray<{ value: CampaignStatus | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'pending_review', label: 'In review' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'completed', label: 'Completed' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'cancelled', label: 'Cancelled' },
];

const emptyText: Record<CampaignStatus, string> = {
  draft: 'No drafts. Drafts are campaigns you are still preparing.',
  pending_review: 'Nothing is waiting for review.',
  active: 'No campaign is active right now.',
  paused: 'Nothing is paused.',
  completed: 'No campaign has completed yet.',
  rejected: 'No campaign was rejected.',
  cancelled: 'No campaign was cancelled.',
};

function pageHref(status: string, cursor?: string) {
  const query = new URLSearchParams();
  if (status !== 'all') query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/campaigns${search ? `?${search}` : ''}`;
}

function CampaignRow({ campaign }: { campaign: Campaign }) {
  return (
    <li data-testid="campaign-row" data-status={campaign.status}>
      <a
        href={`/campaigns/${campaign.id}`}
        className="flex flex-col gap-3 p-5 hover:bg-slate-50/70 sm:flex-row sm:items-center sm:justify-between"
      >
        <CreativeThumbnail creative={campaign.creative} className="hidden w-24 sm:block" />
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate font-semibold text-slate-900">{campaign.title}</h2>
            <CampaignStatusBadge status={campaign.status} testId="campaign-row-status" />
          </div>
          <p className="text-sm text-slate-600">
            {pricingLabel(campaign.pricing)} · <LocalTime date={campaign.startsAt} /> –{' '}
            <LocalTime date={campaign.endsAt} />
          </p>
        </div>
        <dl className="grid shrink-0 grid-cols-3 gap-4 text-sm sm:text-right">
          <div>
            <dt className="text-slate-500">Budget</dt>
            <dd className="font-medium text-slate-900">{formatMoney(campaign.budgetCents)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Left</dt>
            <dd className="font-medium text-slate-900">
              {formatMoney(campaign.remainingBudgetCents)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Delivering</dt>
            <dd className="font-medium text-slate-900">
              {formatCount(campaign.activeParticipantCount)}
            </dd>
          </div>
        </dl>
      </a>
    </li>
  );
}

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; cursor?: string }>;
}) {
  // The setup banner's read, beside the list's (it is shown after the list is read).
  void ownBrandProfile().catch(() => null);
  const params = await searchParams;
  const parsedStatus = campaignStatusSchema.safeParse(params.status);
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const cursor = params.cursor?.slice(0, 200) || undefined;
  const result = await portal.act((api) =>
    api.campaign.listMine.query({ status, cursor, limit: PAGE_SIZE }),
  );
  const current = status ?? 'all';

  return (
    <portal.Shell>
      <BrandSetupBanner />
      <PageHeader
        title="Campaigns"
        description="Plan, launch and follow your sponsorships on live streams."
        actions={<ButtonLink href="/campaigns/new">New campaign</ButtonLink>}
      />
      {!result.ok ? (
        <Alert title="Your campaigns could not be loaded">{result.error.message}</Alert>
      ) : result.data.counts.all === 0 ? (
        <div data-testid="campaigns-empty">
          <EmptyState
            title="Create your first campaign"
            icon={
              <svg
                viewBox="0 0 24 24"
                className="size-6"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
              >
                <path
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  d="M10.34 15.84c-.69-.03-1.38-.04-2.09-.04H7.5a4.5 4.5 0 1 1 0-9h.75c.7 0 1.4-.01 2.09-.04m0 9.08c.25.95.58 1.86.99 2.73.24.51.06 1.14-.45 1.43l-.66.38a1.13 1.13 0 0 1-1.52-.43 18.7 18.7 0 0 1-1.6-4.15m3.24.04a24.3 24.3 0 0 1 0-9.08m0 9.08c3.67.17 7.13 1.1 10.23 2.64a20.8 20.8 0 0 0 0-14.36 26.5 26.5 0 0 1-10.23 2.64"
                />
              </svg>
            }
            action={<ButtonLink href="/campaigns/new">Create your first campaign</ButtonLink>}
          >
            Choose a creative, the streamers you want to reach and a budget. We review every
            campaign before it goes live, usually within a day.
          </EmptyState>
        </div>
      ) : (
        <>
          <Tabs
            label="Campaigns by status"
            current={current}
            tabs={tabs.map((tab) => ({
              value: tab.value,
              label: tab.label,
              href: pageHref(tab.value),
              count: result.data.counts[tab.value],
            }))}
          />
          {result.data.items.length === 0 ? (
            <EmptyState
              title={`No ${tabs.find((tab) => tab.value === current)?.label.toLowerCase() ?? ''} campaigns`}
              action={
                <ButtonLink href="/campaigns" variant="secondary">
                  Show all campaigns
                </ButtonLink>
              }
            >
              {status ? emptyText[status] : null}
            </EmptyState>
          ) : (
            <ul
              data-testid="campaign-list"
              className="divide-y divide-slate-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
            >
              {result.data.items.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} />
              ))}
            </ul>
          )}
          <LoadMore
            label="Next page"
            href={result.data.nextCursor ? pageHref(current, result.data.nextCursor) : null}
          />
          {cursor ? (
            <p className="mt-3 text-center text-sm">
              <a href={pageHref(current)} className="text-brand-700 underline">
                Back to the newest
              </a>
            </p>
          ) : null}
        </>
      )}
    </portal.Shell>
  );
}
