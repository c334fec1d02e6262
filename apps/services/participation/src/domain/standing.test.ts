import { describe, expect, it } from 'vitest';
import { standingOf } from './standing';

describe('standingOf', () => {
  it('is the action when nothing stands in the way', () => {
    expect(standingOf('join', [])).toBe('join');
    expect(standingOf('apply', [])).toBe('apply');
  });

  it('reads running and pending apart from refusals, even beside other blockers', () => {
    expect(standingOf('join', [{ reason: 'no_energy' }, { reason: 'already_joined' }])).toBe(
      'running',
    );
    expect(standingOf('apply', [{ reason: 'application_pending' }, { reason: 'no_key' }])).toBe(
      'pending',
    );
  });

  it('is blocked by any other blocker', () => {
    for (const reason of [
      'no_key',
      'no_energy',
      'conflict_rule',
      'application_rejected',
    ] as const) {
      expect(standingOf('join', [{ reason }])).toBe('blocked');
    }
  });
});
