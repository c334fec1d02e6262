import { listBrandsInputSchema } from '@gametriggers/contracts';
import { Alert, PageHeader, Tabs } from '@gametriggers/ui';
import type { ReactNode } from 'react';
import { portal } from '../../portal';
import type { SearchParams } from '../list-filters';
import { chosenFilters, firstParam } from '../list-filters';
import { BrandQueue } from './brand-queue';
import { StreamersTab } from './streamer-queue';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

async function BrandsTab({ params }: { params: SearchParams }) {
  // The queue opens on the requests waiting for a decision; `all` lifts the status filter.
  const status = firstParam(params, 'status') ?? 'pending';
  const chosen = chosenFilters(
    listBrandsInputSchema,
    { ...params, status: status === 'all' ? undefined : status },
    ['status', 'search'],
  );
  const page = await portal.act((api) => api.brand.list.query({ ...chosen.query, limit: PAGE_SIZE }));
  const values = { ...chosen.values, ...(status === 'all' ? { status } : {}) };
  return (
    <>
      {chosen.problem ? <Alert tone="warning">{chosen.problem}</Alert> : null}
      {page.ok ? (
        <BrandQueue page={page.data} values={values} />
      ) : (
        <Alert title="The brands could not be read">{page.error.message}</Alert>
      )}
    </>
  );
}

type AdminPermission = Parameters<typeof portal.requirePermission>[number];

interface VerificationTab {
  value: string;
  label: string;
  permission: AdminPermission;
  render: (params: SearchParams) => ReactNode;
}

/** One tab per kind of account waiting for verification, shown to admins who may decide them. */
const verificationTabs: readonly VerificationTab[] = [
  { value: 'brands', label: 'Brands', permission: 'canVerifyBrands', render: (params) => <BrandsTab params={params} /> },
  {
    value: 'streamers',
    label: 'Streamers',
    permission: 'canVerifyStreamers',
    render: (params) => <StreamersTab params={params} />,
  },
];

export default async function VerificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await portal.requirePermission(...verificationTabs.map((tab) => tab.permission));
  const tabs = verificationTabs.filter((tab) => session.user.permissions.includes(tab.permission));
  const params = await searchParams;
  const chosenTab = tabs.find((tab) => tab.value === firstParam(params, 'tab')) ?? tabs[0]!;
  return (
    <portal.Shell>
      <PageHeader
        title="Verifications"
        description="Accounts waiting for a decision: check their details, documents and channels, then approve or reject with a reason."
      />
      <Tabs
        label="Kind of account"
        current={chosenTab.value}
        tabs={tabs.map((tab) => ({ value: tab.value, label: tab.label, href: `/verifications?tab=${tab.value}` }))}
      />
      {chosenTab.render(params)}
    </portal.Shell>
  );
}
