import { randomUUID } from 'node:crypto';
import type { DomainError } from '@gametriggers/trpc';
import { describe, expect, it } from 'vitest';
import { metricsSubjectFor } from './metrics-access';

describe('whose metrics a caller may read', () => {
  const streamerId = randomUUID();
  const other = randomUUID();

  it('gives streamers their own, with or without the id', () => {
    expect(metricsSubjectFor({ userId: streamerId, role: 'streamer' }, undefined)).toBe(streamerId);
    expect(metricsSubjectFor({ userId: streamerId, role: 'streamer' }, streamerId)).toBe(
      streamerId,
    );
  });

  it("refuses a streamer another streamer's", () => {
    expect(() => metricsSubjectFor({ userId: streamerId, role: 'streamer' }, other)).toThrow(
      expect.objectContaining({ kind: 'forbidden', reason: 'not_your_metrics' }) as DomainError,
    );
  });

  it.each(['brand', 'admin'] as const)('lets a %s read any streamer’s', (role) => {
    expect(metricsSubjectFor({ userId: randomUUID(), role }, other)).toBe(other);
  });

  it.each(['brand', 'admin'] as const)('asks a %s to say whose', (role) => {
    expect(() => metricsSubjectFor({ userId: randomUUID(), role }, undefined)).toThrow(
      expect.objectContaining({ kind: 'invalid', reason: 'streamer_id_required' }) as DomainError,
    );
  });
});
