import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refundRequestInputSchema } from '@gametriggers/contracts';
import { amountInputOf, topUpAmountOf } from './amount-input';
import { prefilledTopUpCents, topUpHref } from './top-up-link';

void describe('amounts typed in the billing forms', () => {
  void it('reads dollars as typed by people', () => {
    assert.deepEqual(topUpAmountOf('250'), { ok: true, cents: 25_000 });
    assert.deepEqual(topUpAmountOf('$1,000.5'), { ok: true, cents: 100_050 });
    assert.deepEqual(topUpAmountOf(' 99.99 '), { ok: true, cents: 9_999 });
  });

  void it('refuses empty, non-numeric, negative and fractional-cent amounts with a reason', () => {
    assert.deepEqual(topUpAmountOf(''), { ok: false, message: 'Enter an amount' });
    for (const text of ['abc', '-50', '12.345', '1e5', '12..5', 'NaN']) {
      assert.deepEqual(topUpAmountOf(text), { ok: false, message: 'Enter an amount in dollars, like 250 or 99.50' }, text);
    }
  });

  void it('applies the payment service’s own limits to each field', () => {
    assert.deepEqual(topUpAmountOf('0'), { ok: false, message: 'A top-up is at least $5.00' });
    assert.deepEqual(topUpAmountOf('4.99'), { ok: false, message: 'A top-up is at least $5.00' });
    assert.equal(topUpAmountOf('5').ok, true);
    assert.deepEqual(topUpAmountOf('100000.01'), { ok: false, message: 'A top-up is at most $100,000.00' });
    assert.deepEqual(amountInputOf('0', refundRequestInputSchema.shape.amountCents), {
      ok: false,
      message: 'Refund at least 1 cent',
    });
  });

  void it('links to the form with the missing amount filled in, and reads it back safely', () => {
    assert.equal(topUpHref(12_345), '/billing?amount=12345#top-up');
    assert.equal(topUpHref(0), '/billing#top-up');
    assert.equal(prefilledTopUpCents('12345'), 12_345);
    for (const bad of [undefined, '', '0', '-5', '12.5', 'abc', '99999999999']) {
      assert.equal(prefilledTopUpCents(bad), undefined, String(bad));
    }
  });
});
