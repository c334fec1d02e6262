import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chosenTransactions, hasFilters, transactionsSearch } from './transaction-filters';

void describe('wallet transaction filters', () => {
  void it('asks for everything when the address has no filters', () => {
    const chosen = chosenTransactions({});
    assert.deepEqual(chosen.filters, { kinds: [], from: null, to: null });
    assert.deepEqual(chosen.query, {});
    assert.equal(chosen.problem, null);
    assert.equal(hasFilters(chosen.filters), false);
  });

  void it('keeps known kinds once each and drops unknown ones', () => {
    const chosen = chosenTransactions({ kind: ['deposit', 'refund', 'deposit', 'bogus'] });
    assert.deepEqual(chosen.filters.kinds, ['deposit', 'refund']);
    assert.deepEqual(chosen.query.kinds, ['deposit', 'refund']);
  });

  void it('turns UTC days into a half-open range that includes the last day', () => {
    const chosen = chosenTransactions({ from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(chosen.query.from, new Date('2026-11-01T00:00:00.000Z'));
    assert.deepEqual(chosen.query.to, new Date('2026-12-01T00:00:00.000Z'));
    assert.equal(chosen.problem, null);
  });

  void it('accepts a single day as both ends', () => {
    const chosen = chosenTransactions({ from: '2026-02-28', to: '2026-02-28' });
    assert.deepEqual(chosen.query.to, new Date('2026-03-01T00:00:00.000Z'));
  });

  void it('says which day it could not use instead of ignoring it silently', () => {
    const chosen = chosenTransactions({ from: '2026-02-30', to: 'yesterday' });
    assert.deepEqual(chosen.filters, { kinds: [], from: null, to: null });
    assert.equal(chosen.query.from, undefined);
    assert.match(chosen.problem ?? '', /“2026-02-30” is not a date; “yesterday” is not a date/);
  });

  void it('drops a range whose first day is after its last', () => {
    const chosen = chosenTransactions({ from: '2026-12-01', to: '2026-11-01' });
    assert.equal(chosen.query.from, undefined);
    assert.equal(chosen.query.to, undefined);
    assert.match(chosen.problem ?? '', /first day comes after the last/);
  });

  void it('carries the page cursor, and the search string round-trips the filters', () => {
    const chosen = chosenTransactions({ kind: 'deposit', from: '2026-11-01', cursor: 'abc' });
    assert.equal(chosen.query.cursor, 'abc');
    assert.equal(transactionsSearch(chosen.filters), '?kind=deposit&from=2026-11-01');
    assert.equal(transactionsSearch(chosen.filters, 'next'), '?kind=deposit&from=2026-11-01&cursor=next');
    assert.equal(transactionsSearch({ kinds: [], from: null, to: null }), '');
    const again = chosenTransactions(Object.fromEntries(new URLSearchParams('kind=deposit&from=2026-11-01')));
    assert.deepEqual(again.filters, chosen.filters);
  });
});
