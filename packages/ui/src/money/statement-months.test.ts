import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementMonths } from './statement-months';

void describe('statement months', () => {
  void it('lists this month so far and the ones before it, newest first, across a year end', () => {
    const months = statementMonths(new Date('2026-02-14T23:59:00.000Z'), 4);
    assert.deepEqual(months, [
      { value: '2026-02', label: 'February 2026 (so far)' },
      { value: '2026-01', label: 'January 2026' },
      { value: '2025-12', label: 'December 2025' },
      { value: '2025-11', label: 'November 2025' },
    ]);
  });

  void it('uses UTC months whatever the hour', () => {
    assert.equal(statementMonths(new Date('2026-03-01T00:30:00.000Z'), 1)[0]!.value, '2026-03');
    assert.equal(statementMonths(new Date('2026-02-28T23:30:00.000Z'), 1)[0]!.value, '2026-02');
    assert.equal(statementMonths(new Date('2026-06-01T00:00:00.000Z')).length, 12);
  });
});
