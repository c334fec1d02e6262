import type { ActionResult } from '@gametriggers/auth/portal';
import { Badge, Card } from '@gametriggers/ui';
import { OnboardingButton } from './onboarding-button';
import type { PayoutAccountState } from './payout-account-state';

const look: Record<PayoutAccountState, { badge: string; tone: 'neutral' | 'warning' | 'success'; text: string; action: string }> = {
  not_connected: {
    badge: 'Not set up',
    tone: 'neutral',
    text: 'To withdraw, connect a payout account: our payment provider asks for your identity and bank details once.',
    action: 'Set up payouts',
  },
  details_missing: {
    badge: 'Setup not finished',
    tone: 'warning',
    text: 'Your payout account still needs some details before you can withdraw.',
    action: 'Continue setup',
  },
  in_review: {
    badge: 'Being checked',
    tone: 'warning',
    text: 'Your details are being checked; withdrawals open as soon as that is done.',
    action: 'Review your details',
  },
  ready: { badge: 'Ready', tone: 'success', text: 'Withdrawals go to the bank account you set up.', action: 'Update details' },
};

/** The payout account's status and the link to set it up or finish it. */
export function PayoutAccountPanel({
  state,
  startOnboarding,
}: {
  state: PayoutAccountState;
  startOnboarding: () => Promise<ActionResult<null>>;
}) {
  const { badge, tone, text, action } = look[state];
  return (
    <Card className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">Payout account</h2>
        <Badge tone={tone} data-testid="payout-account-status">
          {badge}
        </Badge>
      </div>
      <p className="text-sm text-slate-600">{text}</p>
      <OnboardingButton start={startOnboarding} variant={state === 'ready' ? 'ghost' : 'primary'}>
        {action}
      </OnboardingButton>
    </Card>
  );
}
