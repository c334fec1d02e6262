import { currencies } from '@gametriggers/contracts';
import type { Currency } from '@gametriggers/contracts';
import type { LegacyDocument } from '../extended-json';
import type { Mapped, OpeningAccount, OpeningBalanceImport } from '../import-commands';
import { mapped, refused } from '../import-commands';
import { legacyId, legacyText } from '../legacy-fields';
import { amountInMillionths, millionthsToCents } from '../money';

/**
 * What each old wallet owes its owner, as the monolith's wallet service kept it:
 * a brand's `balance` is what it may spend and `reservedBalance` what campaigns hold (a reserve moves
 * money from one to the other), so a brand is owed both; both open the brand's wallet, and imported
 * campaigns reserve their remaining budget again through the payment service's own rules.
 * A streamer's `withdrawableBalance` is released earnings (available) and `heldBalance` earnings
 * still in their hold period (pending). The old `balance` of a streamer also counts earnings already
 * withdrawn, so it is not money owed and does not open anything.
 */
function owedAmounts(walletType: 'brand' | 'streamer') {
  if (walletType === 'brand') {
    return [
      { account: 'brand_wallet' as const, field: 'balance' },
      { account: 'brand_wallet' as const, field: 'reservedBalance' },
    ];
  }
  return [
    { account: 'streamer_earnings_available' as const, field: 'withdrawableBalance' },
    { account: 'streamer_earnings_pending' as const, field: 'heldBalance' },
  ];
}

const isPlatformCurrency = (code: string): code is Currency =>
  (currencies as readonly string[]).includes(code);

export function mapWallet(document: LegacyDocument): Mapped<OpeningBalanceImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const legacyUserId = legacyId(document.userId);
  if (!legacyUserId) return refused('missing_user');
  const walletType = legacyText(document.walletType)?.toLowerCase();
  if (walletType === 'platform') return refused('platform_wallet_not_imported');
  if (walletType !== 'brand' && walletType !== 'streamer')
    return refused(`unknown_wallet_type:${walletType ?? 'missing'}`);

  // The old platform's default was INR, which the platform does not hold: converting is a business
  // decision (a rate, a date) the import does not make on its own.
  const currency = (legacyText(document.currency) ?? 'INR').toUpperCase();
  if (!isPlatformCurrency(currency)) return refused(`currency_not_supported:${currency}`);

  let legacyMillionths = 0n;
  const byAccount = new Map<OpeningAccount, bigint>();
  for (const { account, field } of owedAmounts(walletType)) {
    const value = document[field];
    const millionths = value === undefined || value === null ? 0n : amountInMillionths(value);
    if (millionths === undefined) return refused(`unreadable_amount:${field}`);
    if (millionths < 0n) return refused(`negative_amount:${field}`);
    legacyMillionths += millionths;
    byAccount.set(account, (byAccount.get(account) ?? 0n) + millionths);
  }
  return mapped({
    legacyWalletId: id,
    legacyUserId,
    currency,
    entries: [...byAccount]
      .map(([account, millionths]) => ({ account, cents: millionthsToCents(millionths) }))
      .filter(({ cents }) => cents > 0n),
    legacyMillionths,
  });
}
