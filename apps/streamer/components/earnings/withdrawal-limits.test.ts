import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WithdrawalLimits } from './withdrawal-limits';
import { withdrawalAmountOf, withdrawalRoom } from './withdrawal-limits';

const limits: WithdrawalLimits = {
  minCents: 1_000,
  leftTodayCents: 500_000,
  leftThisMonthCents: 2_000_000,
  approvalAboveCents: 100_000,
};

void describe('withdrawal room', () => {
  void it('allows up to the smallest of the balance and what the limits leave', () => {
    assert.deepEqual(withdrawalRoom(12_345, limits), { ok: true, maxCents: 12_345 });
    assert.deepEqual(withdrawalRoom(900_000, limits), { ok: true, maxCents: 500_000 });
    assert.deepEqual(withdrawalRoom(900_000, { ...limits, leftThisMonthCents: 300_000 }), { ok: true, maxCents: 300_000 });
    assert.deepEqual(withdrawalRoom(1_000, limits), { ok: true, maxCents: 1_000 });
  });

  void it('says why nothing can be withdrawn: too little money, today’s or the month’s limit', () => {
    assert.deepEqual(withdrawalRoom(999, limits), {
      ok: false,
      reason: 'You can withdraw once at least $10.00 is available; you have $9.99.',
    });
    assert.match(
      (withdrawalRoom(50_000, { ...limits, leftTodayCents: 500 }) as { reason: string }).reason,
      /today’s withdrawal limit/,
    );
    assert.match(
      (withdrawalRoom(50_000, { ...limits, leftTodayCents: 0, leftThisMonthCents: 0 }) as { reason: string }).reason,
      /this month’s withdrawal limit/,
    );
  });
});

void describe('withdrawal amount', () => {
  void it('accepts an amount within every limit and says when it waits for approval', () => {
    assert.deepEqual(withdrawalAmountOf('50', 600_000, limits), { ok: true, cents: 5_000, needsApproval: false });
    assert.deepEqual(withdrawalAmountOf('1,000.00', 600_000, limits), { ok: true, cents: 100_000, needsApproval: false });
    assert.deepEqual(withdrawalAmountOf('1000.01', 600_000, limits), { ok: true, cents: 100_001, needsApproval: true });
  });

  void it('names the rule an amount breaks', () => {
    const say = (text: string, available = 600_000, rules = limits) => {
      const result = withdrawalAmountOf(text, available, rules);
      return result.ok ? 'ok' : result.message;
    };
    assert.equal(say(''), 'Enter an amount');
    assert.equal(say('ten'), 'Enter an amount in dollars, like 50 or 12.50');
    assert.equal(say('-5'), 'Enter an amount in dollars, like 50 or 12.50');
    assert.equal(say('5.001'), 'Enter an amount in dollars, like 50 or 12.50');
    assert.equal(say('9.99'), 'Withdraw at least $10.00');
    assert.equal(say('100', 5_000), 'You have $50.00 available');
    assert.equal(say('5000.01'), 'Today you can withdraw up to $5,000.00 more');
    assert.equal(say('40', 600_000, { ...limits, leftThisMonthCents: 3_000 }), 'This month you can withdraw up to $30.00 more');
  });
});
