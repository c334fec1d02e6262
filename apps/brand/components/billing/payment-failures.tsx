import { formatCents } from '@gametriggers/contracts';
import { Alert } from '@gametriggers/ui';
import { LocalTime } from '../campaigns/local-time';
import type { PaymentFailure } from './types';

/** Card payments that failed lately (e.g. an automatic top-up the bank declined), with the bank's reason. */
export function PaymentFailures({ failures }: { failures: readonly PaymentFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <div data-testid="payment-failures">
      <Alert tone="warning" title={failures.length === 1 ? 'A card payment failed' : 'Some card payments failed'}>
        <ul className="space-y-1">
          {failures.map((failure) => (
            <li key={failure.paymentIntentId}>
              {formatCents(failure.amountCents)} on <LocalTime date={failure.failedAt} />: {failure.message}
            </li>
          ))}
        </ul>
        <p className="mt-2">Nothing was charged for these. Top up with another card, or try again.</p>
      </Alert>
    </div>
  );
}
