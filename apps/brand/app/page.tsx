import { Card, PageHeader } from '@gametriggers/ui';
import { SetupChecklist } from '../components/setup-checklist/setup-checklist';
import { brandSetupOf, fundingStateOf } from '../components/setup-checklist/setup-steps';
import { portal } from '../portal';

export const dynamic = 'force-dynamic';

const shortcuts = [
  {
    href: '/campaigns',
    title: 'Campaigns',
    text: 'Plan, submit and follow your sponsorships.',
  },
  {
    href: '/discover',
    title: 'Discover streamers',
    text: 'Find channels whose viewers match your brand.',
  },
  {
    href: '/analytics',
    title: 'Analytics',
    text: 'Impressions, clicks and spend across your campaigns.',
  },
  {
    href: '/billing',
    title: 'Billing',
    text: 'Your wallet, top-ups, invoices and statements.',
  },
];

export default async function OverviewPage() {
  const account = await portal.signedInAccount();
  const api = await portal.sessionApi();
  const [profile, campaigns, wallet] = await Promise.all([
    api.brand.me.query(),
    portal.act((calls) => calls.campaign.listMine.query({ limit: 1 })),
    portal.act((calls) => calls.payment.wallet.summary.query()),
  ]);
  const setup = brandSetupOf({
    profile,
    funding: wallet.ok ? fundingStateOf(wallet.data) : 'unknown',
    campaignCounts: campaigns.ok ? campaigns.data.counts : null,
  });
  const name = profile?.companyInfo.name ?? account.name;

  return (
    <portal.Shell>
      <PageHeader
        title={`Welcome${name ? `, ${name}` : ''}`}
        description={
          setup.next
            ? 'A few steps take you from sign-up to your first campaign in review.'
            : 'Everything is set up: plan campaigns and follow how they do.'
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
        <SetupChecklist setup={setup} />
        <div className="space-y-4">
          <Card className="p-5">
            <h2 className="text-sm font-semibold text-slate-900">Signed in as</h2>
            <p className="mt-1 truncate text-sm text-slate-600" data-testid="account-email">
              {account.email}
            </p>
          </Card>
          <nav aria-label="Shortcuts" className="grid gap-3 sm:grid-cols-3 xl:grid-cols-1">
            {shortcuts.map((shortcut) => (
              <a
                key={shortcut.href}
                href={shortcut.href}
                className="group rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                <p className="font-semibold text-slate-900 group-hover:text-brand-700">
                  {shortcut.title} →
                </p>
                <p className="mt-1 text-sm text-slate-600">{shortcut.text}</p>
              </a>
            ))}
          </nav>
        </div>
      </div>
    </portal.Shell>
  );
}
