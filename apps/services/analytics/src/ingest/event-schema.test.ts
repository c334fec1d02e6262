import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_OVERLAY_REPORTS_PER_BATCH } from '@gametriggers/contracts';
import { parseEventBatch } from './event-schema';

const event = () => ({ id: randomUUID(), type: 'heartbeat', at: new Date().toISOString(), viewers: 5 });

describe('parsing a batch of reports', () => {
  it('accepts well-formed events', () => {
    const result = parseEventBatch({ events: [event(), { ...event(), type: 'click', adId: 'a1' }] });
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
