import type { setPayoutInput } from '@gametriggers/contracts';
import type { z } from 'zod';
import type { StreamerDeps } from './deps';
import { notOnboarded } from './streamer-errors';
import { secretContext } from './secret-box';

type PayoutDetails = z.output<typeof setPayoutInput>;

const DOTS = '••••';

/** What the portal shows of saved payout details: enough to recognise them, never enough to use. */
export function payoutHintOf(details: PayoutDetails): string {
  switch (details.method) {
    case 'bank':
      return `${DOTS} ${details.iban.slice(-4)}`;
    case 'crypto':
      return `${details.currency} ${DOTS} ${details.address.slice(-4)}`;
    case 'paypal': {
      const [local = '', domain = ''] = details.email.split('@');
      return `${local.slice(0, 1)}•••@${domain}`;
    }
  }
}

export async function setPayout(deps: StreamerDeps, streamerId: string, details: PayoutDetails) {
  const hint = payoutHintOf(details);
  const encrypted = deps.secrets.encrypt(
    JSON.stringify(details),
    secretContext.payoutDetails(streamerId),
  );
  const updated = await deps.db.streamer.updateMany({
    where: { id: streamerId },
    data: { payoutMethod: details.method, payoutDetails: encrypted, payoutHint: hint },
  });
  if (updated.count === 0) throw notOnboarded();
  return { method: details.method, hint };
}
