import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvLine, transactionsCsv } from './transactions-csv';

void describe('wallet transactions CSV', () => {
  void it('quotes commas and quotes and defuses formulas, but leaves negative numbers alone', () => {
    assert.equal(csvLine(['a,b', 'say "hi"', '=HYPERLINK("x")', '-12.50', '@cmd']), [
      '"a,b"',
      '"say ""hi"""',
      '"\'=HYPERLINK(""x"")"',
      '-12.50',
      "'@cmd",
    ].join(','));
  });

  void it('signs money out as negative and names each campaign', () => {
    const csv = transactionsCsv(
      [
        {
          id: '2',
          kind: 'budget_reserve',
          direction: 'out',
          amountCents: 30_000,
          balanceAfterCents: 20_000,
          pending: false,
          campaignId: '11111111-1111-4111-8111-111111111111',
          createdAt: new Date('2026-11-02T10:00:00.000Z'),
        },
        {
          id: '1',
          kind: 'deposit',
          direction: 'in',
          amountCents: 50_000,
          balanceAfterCents: 50_000,
          pending: false,
          campaignId: null,
          createdAt: new Date('2026-11-01T09:30:00.000Z'),
        },
        {
          id: '3',
          kind: 'refund',
          direction: 'out',
          amountCents: 1_000,
          balanceAfterCents: 19_000,
          pending: true,
          campaignId: null,
          createdAt: new Date('2026-11-03T00:00:00.000Z'),
        },
      ],
      (id) => (id.startsWith('1111') ? 'Winter, "Bold" launch' : undefined),
    );
    assert.equal(
      csv,
      [
        'Date (UTC),Type,Amount (USD),Balance after (USD),Status,Campaign,Campaign ID,Transaction ID',
        '2026-11-02T10:00:00.000Z,Campaign budget reserved,-300.00,200.00,Settled,"Winter, ""Bold"" launch",11111111-1111-4111-8111-111111111111,2',
        '2026-11-01T09:30:00.000Z,Top-up,500.00,500.00,Settled,,,1',
        '2026-11-03T00:00:00.000Z,Refund,-10.00,190.00,In progress,,,3',
        '',
      ].join('\r\n'),
    );
  });
});
