import { listParticipationsInputSchema, listViolationsInputSchema } from '@gametriggers/contracts';
import { Alert, PageHeader, Tabs } from '@gametriggers/ui';
import { namesForPage } from '../../components/names/page-names';
import { portal } from '../../portal';
import type { SearchParams } from '../list-filters';
import { chosenFilters, firstParam } from '../list-filters';
import { ParticipationList } from './participation-list';
import { RuleList } from './rule-list';
import { ViolationList } from './violation-list';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

const views = [
  { value: 'participations', label: 'Participations' },
  { value: 'rules', label: 'Conflict rules' },
  { value: 'violations', label: 'Violations & overrides' },
] as const;
type View = (typeof views)[number]['value'];

async function ParticipationsView({ params }: { params: SearchParams }) {
  const chosen = chosenFilters(listParticipationsInputSchema, params, ['status', 'campaignId', 'brandId', 'streamerId']);
  const page = await portal.act((api) => api.participation.list.query({ ...chosen.query, limit: PAGE_SIZE }));
  if (!page.ok) return <Alert title="The participations could not be read">{page.error.message}</Alert>;
  const names = await namesForPage(await portal.sessionApi(), { brandIds: page.data.items.map((row) => row.brandId) });
  return <ParticipationList page={page.data} values={chosen.values} problem={chosen.problem} names={names} />;
}

async function RulesView() {
  const rules = await (await portal.sessionApi()).participation.rules.list.query({ includeDisabled: true });
  return <RuleList rules={rules} />;
}

async function ViolationsView({ params }: { params: SearchParams }) {
  const chosen = chosenFilters(listViolationsInputSchema, params, ['ruleId', 'streamerId', 'campaignId', 'outcome']);
  const api = await portal.sessionApi();
  const [rules, page] = await Promise.all([
    api.participation.rules.list.query({ includeDisabled: true }),
    portal.act((calls) => calls.participation.rules.violations.query({ ...chosen.query, limit: PAGE_SIZE })),
  ]);
  if (!page.ok) return <Alert title="The violations could not be read">{page.error.message}</Alert>;
  const names = await namesForPage(api, {
    streamerIds: page.data.items.map((row) => row.streamerId),
    campaignIds: page.data.items.map((row) => row.campaignId),
  });
  return <ViolationList page={page.data} values={chosen.values} problem={chosen.problem} rules={rules} names={names} />;
}

export default async function ParticipationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await portal.requirePermission('canManageCampaigns');
  const params = await searchParams;
  const view: View = views.find((candidate) => candidate.value === firstParam(params, 'view'))?.value ?? 'participations';
  return (
    <portal.Shell>
      <PageHeader
        title="Participations & rules"
        description="Who runs which campaign, the conflict rules that decide who may join, and every time a rule stopped or warned someone."
      />
      <Tabs label="Participations views" current={view} tabs={views.map((tab) => ({ ...tab, href: `/participations?view=${tab.value}` }))} />
      {view === 'participations' ? <ParticipationsView params={params} /> : null}
      {view === 'rules' ? <RulesView /> : null}
      {view === 'violations' ? <ViolationsView params={params} /> : null}
    </portal.Shell>
  );
}
