import { PageHeader, Tabs } from '@gametriggers/ui';
import type { ReactNode } from 'react';
import { portal } from '../../portal';
import { StreamersTab } from './streamer-queue';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;
type AdminPermission = Parameters<typeof portal.requirePermission>[number];

interface VerificationTab {
  value: string;
  label: string;
  permission: AdminPermission;
  render: (params: SearchParams) => ReactNode;
}

/** One tab per kind of account waiting for verification, shown to admins who may decide them. */
const verificationTabs: readonly VerificationTab[] = [
  {
    value: 'streamers',
    label: 'Streamers',
    permission: 'canVerifyStreamers',
    render: (params) => <StreamersTab params={params} />,
  },
];

export default async function VerificationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const session = await portal.requirePermission(...verificationTabs.map((tab) => tab.permission));
  const tabs = verificationTabs.filter((tab) => session.user.permissions.includes(tab.permission));
  const params = await searchParams;
  const tabParam = Array.isArray(params.tab) ? params.tab[0] : params.tab;
  const chosenTab = tabs.find((tab) => tab.value === tabParam) ?? tabs[0]!;
  return (
    <portal.Shell>
      <PageHeader
        title="Verifications"
        description="Accounts waiting for a decision: check their details, then approve or reject with a reason."
      />
      <Tabs
        label="Kind of account"
        current={chosenTab.value}
        tabs={tabs.map((tab) => ({
          value: tab.value,
          label: tab.label,
          href: `/verifications?tab=${tab.value}`,
        }))}
      />
      {chosenTab.render(params)}
    </portal.Shell>
  );
}
