import type { AccountScope } from './store';

interface PendingFunds {
  scope: AccountScope;
  currency: string;
  amount: number;
  availableOnSeconds: number;
}

interface BalanceAmount {
  amount: number;
  currency: string;
  source_types: { card: number };
}

/** Every account's balance always lists this currency, even at zero. */
const DEFAULT_CURRENCY = 'usd';

/**
 * Available and pending funds per account (platform = `null`) and currency. Payments land as
 * pending funds that become available when the clock passes their date; transfers, payouts,
 * refunds and disputes move available funds (which may go negative, as Stripe's do for refunds
 * and disputes; transfers and payouts check first).
 */
export class Balances {
  private readonly available = new Map<string, Map<string, number>>();
  private pending: PendingFunds[] = [];

  availableOf(scope: AccountScope, currency: string): number {
    return this.available.get(scopeKey(scope))?.get(currency) ?? 0;
  }

  credit(scope: AccountScope, currency: string, amount: number): void {
    const currencies = this.available.get(scopeKey(scope)) ?? new Map<string, number>();
    currencies.set(currency, (currencies.get(currency) ?? 0) + amount);
    this.available.set(scopeKey(scope), currencies);
  }

  debit(scope: AccountScope, currency: string, amount: number): void {
    this.credit(scope, currency, -amount);
  }

  addPending(funds: PendingFunds): void {
    this.pending.push(funds);
  }

  /** Moves pending funds whose date has come to available; returns the scopes that changed. */
  releaseDue(nowSeconds: number): AccountScope[] {
    const due = this.pending.filter((funds) => funds.availableOnSeconds <= nowSeconds);
    this.pending = this.pending.filter((funds) => funds.availableOnSeconds > nowSeconds);
    for (const funds of due) this.credit(funds.scope, funds.currency, funds.amount);
    return [...new Set(due.map((funds) => funds.scope))];
  }

  snapshot(scope: AccountScope): { available: BalanceAmount[]; pending: BalanceAmount[] } {
    const currencies = new Set([DEFAULT_CURRENCY, ...(this.available.get(scopeKey(scope))?.keys() ?? [])]);
    for (const funds of this.pending) if (funds.scope === scope) currencies.add(funds.currency);
    const sorted = [...currencies].sort();
    return {
      available: sorted.map((currency) => balanceAmount(currency, this.availableOf(scope, currency))),
      pending: sorted.map((currency) =>
        balanceAmount(
          currency,
          this.pending
            .filter((funds) => funds.scope === scope && funds.currency === currency)
            .reduce((sum, funds) => sum + funds.amount, 0),
        ),
      ),
    };
  }
}

function scopeKey(scope: AccountScope): string {
  return scope ?? 'platform';
}

function balanceAmount(currency: string, amount: number): BalanceAmount {
  return { amount, currency, source_types: { card: amount } };
}
