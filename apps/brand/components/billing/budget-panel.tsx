import { formatCents } from '@gametriggers/contracts';
import { Alert, Card } from '@gametriggers/ui';
import { portal } from '../../portal';
import type { BudgetPanelState } from './budget-panel-state';
import { budgetPanelStateOf, spentShare } from './budget-panel-state';
import { topUpHref } from './top-up-link';

interface CampaignMoneyFacts {
  id: string;
  status: Parameters<typeof budgetPanelStateOf>[0]['status'];
  approvedAt: Date | null;
  budgetCents: number;
  walletShortByCents: number | null;
}

function Figure({ label, cents, testId }: { label: string; cents: number; testId: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-xl font-bold tracking-tight text-slate-900 tabular-nums" data-testid={testId}>
        {formatCents(cents)}
      </dd>
    </div>
  );
}

function TopUpLink({ cents }: { cents: number }) {
  return (
    <p className="mt-2">
      <a href={topUpHref(cents)} className="font-semibold underline">
        Top up {formatCents(cents)}
      </a>
    </p>
  );
}

function PanelBody({ state }: { state: BudgetPanelState }) {
  switch (state.kind) {
    case 'reserved': {
      const { budget } = state;
      const percent = Math.round(spentShare(budget) * 100);
      return (
        <div className="space-y-4">
          <dl className="grid grid-cols-3 gap-4">
            <Figure label="Reserved" cents={budget.reservedCents} testId="budget-reserved" />
            <Figure label="Spent" cents={budget.spentCents} testId="budget-spent" />
            <Figure label="Left" cents={budget.leftCents} testId="budget-left" />
          </dl>
          <div
            className="h-2 overflow-hidden rounded-full bg-slate-100"
            role="progressbar"
            aria-label="Budget spent"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-600">
            {state.ended
              ? state.releasedCents > 0
                ? `${formatCents(state.releasedCents)} that was not spent went back to your wallet.`
                : 'The campaign has ended; nothing more is drawn from it.'
              : 'Held from your wallet for this campaign and drawn as streamers deliver; what is left goes back to your wallet when it ends.'}
          </p>
        </div>
      );
    }
    case 'awaiting_approval':
      return (
        <div className="space-y-3">
          <dl className="grid grid-cols-2 gap-4">
            <Figure label="Budget to reserve" cents={state.budgetCents} testId="budget-to-reserve" />
            {state.availableCents === null ? null : (
              <Figure label="In your wallet" cents={state.availableCents} testId="budget-wallet-available" />
            )}
          </dl>
          {state.refusedShortByCents !== null ? (
            <div data-testid="budget-approval-refused">
              {state.shortByCents > 0 ? (
                <Alert tone="error" title="Approval refused: your wallet is short">
                  <p>
                    Approving reserves the whole budget from your wallet, and it lacks{' '}
                    {formatCents(state.shortByCents)}. Top up and the campaign can be approved.
                  </p>
                  <TopUpLink cents={state.shortByCents} />
                </Alert>
              ) : (
                <Alert tone="info" title="Your wallet covers the budget now">
                  An approval was refused earlier because the wallet was short; it can be approved
                  now.
                </Alert>
              )}
            </div>
          ) : state.shortByCents > 0 ? (
            <div data-testid="budget-wallet-short">
              <Alert tone="warning" title={`Your wallet is short by ${formatCents(state.shortByCents)}`}>
                <p>
                  Approval reserves the whole budget from your wallet, so it cannot be approved until
                  the wallet holds it.
                </p>
                <TopUpLink cents={state.shortByCents} />
              </Alert>
            </div>
          ) : (
            <p className="text-sm text-slate-600">
              When the campaign is approved, its whole budget is reserved from your wallet.
            </p>
          )}
        </div>
      );
    case 'not_reserved':
      return (
        <p className="text-sm text-slate-600">
          No budget is reserved for this campaign: it was approved before wallets existed.
        </p>
      );
    case 'nothing_reserved':
      return <p className="text-sm text-slate-600">Nothing was reserved or spent: it was never approved.</p>;
  }
}

/** The campaign page's money: reserved / spent / left once approved, the wallet check before. */
export async function BudgetPanel({ campaign }: { campaign: CampaignMoneyFacts }) {
  const approved = campaign.approvedAt !== null;
  const [budget, wallet] = await Promise.all([
    approved
      ? portal.act((api) => api.payment.wallet.campaignBudget.query({ campaignId: campaign.id }))
      : null,
    approved ? null : portal.act((api) => api.payment.wallet.summary.query()),
  ]);
  const unreadable =
    (budget && !budget.ok && budget.error.code !== 'NOT_FOUND') || (wallet && !wallet.ok);
  const state = budgetPanelStateOf({
    status: campaign.status,
    approved,
    budgetCents: campaign.budgetCents,
    walletShortByCents: campaign.walletShortByCents,
    budget: budget?.ok ? budget.data : null,
    availableCents: wallet?.ok ? wallet.data.availableCents : null,
  });
  return (
    <section aria-labelledby="budget-heading" data-testid="budget-panel" data-state={state.kind}>
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="budget-heading" className="font-semibold text-slate-900">
            Budget
          </h2>
          <a href="/billing" className="text-sm text-brand-700 hover:underline">
            Billing →
          </a>
        </div>
        {unreadable ? (
          <Alert tone="warning">The budget figures could not be read just now; refresh in a moment.</Alert>
        ) : (
          <PanelBody state={state} />
        )}
      </Card>
    </section>
  );
}
