import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topUpOutcomeOf } from './top-up-outcome';

const now = new Date('2026-11-10T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

void describe('top-up outcome', () => {
  void it('says nothing on a plain visit or an unknown value', () => {
    assert.equal(topUpOutcomeOf(undefined, null, now), null);
    assert.equal(topUpOutcomeOf('maybe', null, now), null);
  });

  void it('reports a cancelled checkout', () => {
    assert.deepEqual(topUpOutcomeOf('cancelled', null, now), { kind: 'cancelled' });
  });

  void it('shows the amount once the deposit is credited', () => {
    assert.deepEqual(topUpOutcomeOf('paid', { amountCents: 25_000, createdAt: minutesAgo(1) }, now), {
      kind: 'credited',
      amountCents: 25_000,
    });
    assert.deepEqual(topUpOutcomeOf(['paid'], { amountCents: 100, createdAt: minutesAgo(15) }, now), {
      kind: 'credited',
      amountCents: 100,
    });
  });

  void it('says the payment is being confirmed while the newest deposit is an older one', () => {
    assert.deepEqual(topUpOutcomeOf('paid', { amountCents: 25_000, createdAt: minutesAgo(16) }, now), {
      kind: 'confirming',
    });
    assert.deepEqual(topUpOutcomeOf('paid', null, now), { kind: 'confirming' });
  });
});
