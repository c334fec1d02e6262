/** Where the streamer's payout account (Stripe Express) stands, and what to do next. */
export type PayoutAccountState = 'not_connected' | 'details_missing' | 'in_review' | 'ready';

export function payoutAccountStateOf(account: {
  connected: boolean;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
}): PayoutAccountState {
  if (account.payoutsEnabled) return 'ready';
  if (!account.connected) return 'not_connected';
  return account.detailsSubmitted ? 'in_review' : 'details_missing';
}

/** What the page says after the onboarding pages send the streamer back (`?onboarding=done|expired`). */
export function onboardingReturnNote(param: string | string[] | undefined, state: PayoutAccountState): string | null {
  const value = Array.isArray(param) ? param[0] : param;
  if (value === 'expired') return 'That setup link expired. Start again: it picks up where you left off.';
  if (value !== 'done') return null;
  switch (state) {
    case 'ready':
      return 'Your payout account is ready: you can withdraw your available earnings.';
    case 'in_review':
      return 'Thanks! Your details are being checked; withdrawals open as soon as that is done.';
    case 'details_missing':
    case 'not_connected':
      return 'Your payout account is not finished yet: continue the setup to withdraw.';
  }
}
