import { setPayoutInput } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { payoutHintOf } from './payout';

describe('payout hints', () => {
  it('shows the last four of an IBAN', () => {
    const details = setPayoutInput.parse({
      method: 'bank',
      accountHolder: 'Pat Streamer',
      iban: 'de89 3704 0044 0532 0134 821',
    });
    expect(payoutHintOf(details)).toBe('•••• 4821');
  });

  it('shows the first letter and domain of a PayPal email', () => {
    const details = setPayoutInput.parse({ method: 'paypal', email: 'Pat.Streams@Example.com' });
    expect(payoutHintOf(details)).toBe('p•••@example.com');
  });

  it('shows the currency and last four of a wallet address', () => {
    const details = setPayoutInput.parse({
      method: 'crypto',
      currency: 'USDC',
      address: '0x52908400098527886E0F7030069857D2E4169EE7',
    });
    expect(payoutHintOf(details)).toBe('USDC •••• 9EE7');
  });

  it('never contains the full details', () => {
    const details = setPayoutInput.parse({ method: 'paypal', email: 'someone@example.com' });
    expect(payoutHintOf(details)).not.toContain('someone');
  });

  it.each([
    [{ method: 'bank', accountHolder: 'Pat', iban: '12345' }, 'iban'],
    [{ method: 'paypal', email: 'not-an-email' }, 'email'],
    [
      { method: 'crypto', currency: 'DOGE', address: '0x52908400098527886E0F7030069857D2E4169EE7' },
      'currency',
    ],
  ])('refuses invalid details %#', (input, field) => {
    const result = setPayoutInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
