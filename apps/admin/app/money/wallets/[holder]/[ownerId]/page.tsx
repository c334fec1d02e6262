import { moneyAccountInputSchema } from '@gametriggers/contracts';
import { Alert, DetailList, LocalTime, StatCard } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { AccountActions } from '../../../../../components/money/account-actions';
import { AccountEntries } from '../../../../../components/money/account-entries';
import { Amount } from '../../../../../components/money/amounts';
import { MoneyPage } from '../../../../../components/money/money-page';
import { AccountOwner } from '../../../../../components/money/wallets-table';
import { namesForPage } from '../../../../../components/names/page-names';
import { portal } from '../../../../../portal';

export const dynamic = 'force-dynamic';

/** One brand wallet or streamer earnings account: balances, freeze, movements, and the admin's actions. */
export default async function AccountPage({ params }: { params: Promise<{ holder: string; ownerId: string }> }) {
  await portal.requirePermission('canViewFinancials');
  const parsed = moneyAccountInputSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const result = await portal.act((api) => api.payment.admin.wallets.get.query(parsed.data));
  if (!result.ok) {
    return (
      <MoneyPage current="wallets">
        <Alert title="The account could not be loaded">{result.error.message}</Alert>
      </MoneyPage>
    );
  }
  const account = result.data;
  const brand = account.holder === 'brand';
  const names = await namesForPage(
    await portal.sessionApi(),
    brand ? { brandIds: [account.ownerId] } : { streamerIds: [account.ownerId] },
  );
  return (
    <MoneyPage current="wallets">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <a href={brand ? '/money' : '/money?holder=streamer'} className="text-sm text-brand-700 hover:underline">
            ← {brand ? 'Brand wallets' : 'Streamer earnings'}
          </a>
          <h2 className="mt-1 text-lg font-semibold text-slate-900">{brand ? 'Brand wallet' : 'Streamer earnings'}</h2>
          <p className="text-slate-900">
            <AccountOwner account={account} names={names} showId testId="account-owner" />
          </p>
        </div>
        <AccountActions account={account} />
      </div>
      {account.frozen ? (
        <div data-testid="account-frozen">
          <Alert tone="warning" title="Frozen">
            {account.frozenReason}
            {account.frozenAt ? (
              <>
                {' '}
                (since <LocalTime date={account.frozenAt} />)
              </>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Available" value={<Amount cents={account.availableCents} />} testId="account-available" />
        <StatCard
          label={brand ? 'Reserved for campaigns' : 'Withdrawing'}
          value={<Amount cents={account.reservedCents} />}
        />
        <StatCard label={brand ? 'Refunds pending' : 'Pending (not yet available)'} value={<Amount cents={account.pendingCents} />} />
      </div>
      <DetailList
        items={[
          { label: 'Currency', value: account.currency },
          { label: 'Last activity', value: account.lastActivityAt ? <LocalTime date={account.lastActivityAt} /> : 'None' },
        ]}
      />
      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold text-slate-900">
          Recent movements
        </h2>
        <AccountEntries account={account} />
      </section>
    </MoneyPage>
  );
}
