import { randomUUID } from 'node:crypto';
import { testInstants } from '@gametriggers/testing';
import { describe, expect, it } from 'vitest';
import { MAX_OVERLAY_REPORTS_PER_BATCH, overlayReportSchema } from '@gametriggers/contracts';
import { parseEventBatch, parseEventBatchWithSchema, wellFormedReport } from './event-schema';

const event = () => ({
  id: randomUUID(),
  type: 'heartbeat',
  at: testInstants.newYorkAfternoon,
  viewers: 5,
});

describe('parsing a batch of reports', () => {
  it('accepts well-formed events', () => {
    const result = parseEventBatch({
      events: [event(), { ...event(), type: 'click', adId: 'a1' }],
    });
    expect(result.ok && result.events).toHaveLength(2);
  });

  it('refuses the whole batch naming every malformed event', () => {
    const bad = { ...event(), viewers: -3 };
    const result = parseEventBatch({ events: [event(), bad, { type: 'wave' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(bad.id);
    expect(result.message).toContain('#2');
    expect(result.malformed.map((m) => m.index)).toEqual([1, 2]);
    expect(result.malformed[0]?.problems.join()).toContain('viewers');
  });

  it('refuses empty and oversized batches and bodies of another shape', () => {
    expect(parseEventBatch({ events: [] }).ok).toBe(false);
    expect(parseEventBatch([event()]).ok).toBe(false);
    const many = Array.from({ length: MAX_OVERLAY_REPORTS_PER_BATCH + 1 }, event);
    expect(parseEventBatch({ events: many }).ok).toBe(false);
  });
});

describe('the hand-written check on the hot path', () => {
  // Values per field, valid and not, at the contract's edges; `undefined` leaves the field out.
  const values: Record<string, unknown[]> = {
    id: [
      randomUUID(),
      randomUUID().toUpperCase(),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '6ba7b810-9dad-01d1-80b4-00c04fd430c8', // version 0
      '6ba7b810-9dad-11d1-c0b4-00c04fd430c8', // variant c
      `${randomUUID()} `,
      randomUUID().replaceAll('-', ''),
      'x',
      '',
      7,
      null,
      undefined,
    ],
    type: [
      'display_start',
      'display_end',
      'heartbeat',
      'click',
      'Click',
      'wave',
      '',
      1,
      null,
      undefined,
    ],
    at: [
      '2026-11-24T22:00:00Z',
      '2026-11-24T22:00:00.123Z',
      '2026-11-24T22:00:00.123456+02:00',
      '2024-02-29T00:00:00-05:30',
      '2026-02-29T00:00:00Z',
      '2026-11-24T22:00:00',
      '2026-11-24 22:00:00Z',
      '2026-11-24T24:00:00Z',
      '2026-11-24',
      1_764_021_600_000,
      null,
      undefined,
    ],
    adId: ['a', 'ad-1', 'x'.repeat(100), 'x'.repeat(101), '', 'tab\there', 3, null, undefined],
    participationId: [randomUUID(), 'nope', 5, null, undefined],
    campaignId: [randomUUID(), `${randomUUID()}0`, false, null, undefined],
    viewers: [0, 1, 250, 100_000_000, 100_000_001, -1, -0, 1.5, 1e300, '5', true, null, undefined],
    test: [true, false, 'true', 0, null, undefined],
  };
  const base = {
    id: randomUUID(),
    type: 'heartbeat',
    at: testInstants.newYorkAfternoon,
    adId: 'ad-1',
    participationId: randomUUID(),
    campaignId: randomUUID(),
    viewers: 10,
    test: false,
  };
  // As an overlay sends them: through JSON, so there are no `undefined` values, only absent keys.
  const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
  const samples: unknown[] = [];
  for (const [field, options] of Object.entries(values)) {
    for (const value of options) samples.push(viaJson({ ...base, [field]: value }));
  }
  // Random combinations of the same values, mostly around a valid report (a fixed seed, so a
  // failure repeats).
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2_000; i += 1) {
    samples.push(
      viaJson(
        Object.fromEntries(
          Object.entries(values).map(([field, options]) => [
            field,
            next() < 0.7
              ? base[field as keyof typeof base]
              : options[Math.floor(next() * options.length)],
          ]),
        ),
      ),
    );
  }
  samples.push(null, 'heartbeat', 12, [], [base], viaJson({ ...base, extra: 'ignored' }));

  it('agrees with the contract schema on every sample, alone and in batches', () => {
    let valid = 0;
    for (const sample of samples) {
      // The judgement itself (parseEventBatch would hide a too strict check behind its fallback)…
      const reference = overlayReportSchema.safeParse(sample);
      expect(wellFormedReport(sample), JSON.stringify(sample)).toStrictEqual(
        reference.success ? reference.data : null,
      );
      if (reference.success) valid += 1;
      // …and the answer to the overlay.
      const body = { events: [sample] };
      expect(parseEventBatch(body)).toStrictEqual(parseEventBatchWithSchema(body));
    }
    // Both answers occur often, so agreement is not agreement on one side only.
    expect(valid).toBeGreaterThan(50);
    expect(samples.length - valid).toBeGreaterThan(500);
    for (let start = 0; start < samples.length; start += 37) {
      const body = { events: samples.slice(start, start + 37) };
      expect(parseEventBatch(body)).toStrictEqual(parseEventBatchWithSchema(body));
    }
  });

  it('returns reports as the schema does: known fields only, absent ones left out', () => {
    const body = viaJson({
      events: [
        { ...base, extra: 1 },
        { id: base.id, type: 'click', at: base.at },
      ],
    });
    const fast = parseEventBatch(body);
    expect(fast).toStrictEqual(parseEventBatchWithSchema(body));
    expect(fast.ok && fast.events[1]).toStrictEqual({ id: base.id, type: 'click', at: base.at });
  });

  it('agrees on the shape of the batch itself', () => {
    const many = Array.from({ length: MAX_OVERLAY_REPORTS_PER_BATCH + 1 }, () => viaJson(base));
    const bodies = [
      null,
      [],
      'events',
      {},
      { events: null },
      { events: {} },
      { events: [] },
      { events: many },
      { events: many.slice(1) },
      { events: [base], extra: true },
    ];
    for (const body of bodies) {
      expect(parseEventBatch(body)).toStrictEqual(parseEventBatchWithSchema(body));
    }
  });
});
