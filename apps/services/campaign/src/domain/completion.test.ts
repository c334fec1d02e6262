import { describe, expect, it } from 'vitest';
import type { CompletionInput } from './completion';
import { INACTIVITY_LIMIT_MS, completionReason, cpmBudgetFloorCents } from './completion';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const live: CompletionInput = {
  status: 'active',
  pricingModel: 'cpm',
  rateCents: 1_500,
  remainingBudgetCents: 50_000,
  targetImpressions: null,
  impressions: 0,
  endsAt: new Date(now.getTime() + 86_400_000),
  launchedAt: daysAgo(1),
  activeParticipantCount: 2,
  lastParticipantLeftAt: null,
};

describe('completionReason', () => {
  it('leaves a healthy live campaign running', () => {
    expect(completionReason(live, now)).toBeNull();
    expect(completionReason({ ...live, status: 'paused' }, now)).toBeNull();
  });

  it.each(['draft', 'pending_review', 'rejected', 'completed', 'cancelled'] as const)(
    'never completes a %s campaign',
    (status) => {
      expect(
        completionReason({ ...live, status, remainingBudgetCents: 0, endsAt: daysAgo(1) }, now),
      ).toBeNull();
    },
  );

  describe('budget spent', () => {
    it('CPM: below the cost of 100 impressions', () => {
      // $15 CPM: 100 impressions cost 150 cents.
      expect(cpmBudgetFloorCents(1_500)).toBe(150);
      expect(completionReason({ ...live, remainingBudgetCents: 149 }, now)).toBe('budget_spent');
      expect(completionReason({ ...live, remainingBudgetCents: 150 }, now)).toBeNull();
    });

    it('CPM: rounds the floor up for odd rates', () => {
      expect(cpmBudgetFloorCents(1_001)).toBe(101);
      expect(completionReason({ ...live, rateCents: 1_001, remainingBudgetCents: 100 }, now)).toBe(
        'budget_spent',
      );
    });

    it('CPC: below the price of one click', () => {
      const cpc = { ...live, pricingModel: 'cpc' as const, rateCents: 50 };
      expect(completionReason({ ...cpc, remainingBudgetCents: 49 }, now)).toBe('budget_spent');
      expect(completionReason({ ...cpc, remainingBudgetCents: 50 }, now)).toBeNull();
    });

    it('fixed: only when nothing is left', () => {
      const fixed = { ...live, pricingModel: 'fixed' as const, rateCents: 20_000 };
      expect(completionReason({ ...fixed, remainingBudgetCents: 1 }, now)).toBeNull();
      expect(completionReason({ ...fixed, remainingBudgetCents: 0 }, now)).toBe('budget_spent');
    });

    it('applies to a paused campaign too', () => {
      expect(completionReason({ ...live, status: 'paused', remainingBudgetCents: 0 }, now)).toBe(
        'budget_spent',
      );
    });
  });

  it('target reached: impressions at or over the target', () => {
    expect(
      completionReason({ ...live, targetImpressions: 1_000, impressions: 999 }, now),
    ).toBeNull();
    expect(completionReason({ ...live, targetImpressions: 1_000, impressions: 1_000 }, now)).toBe(
      'target_reached',
    );
  });

  it('end date: at or after the end', () => {
    expect(completionReason({ ...live, endsAt: new Date(now.getTime() + 1) }, now)).toBeNull();
    expect(completionReason({ ...live, endsAt: now }, now)).toBe('end_date');
    expect(completionReason({ ...live, status: 'paused', endsAt: daysAgo(1) }, now)).toBe(
      'end_date',
    );
  });

  describe('inactive', () => {
    const quiet = { ...live, activeParticipantCount: 0 };

    it('7 days after the last participant left', () => {
      expect(
        completionReason(
          { ...quiet, launchedAt: daysAgo(30), lastParticipantLeftAt: daysAgo(6.9) },
          now,
        ),
      ).toBeNull();
      expect(
        completionReason(
          { ...quiet, launchedAt: daysAgo(30), lastParticipantLeftAt: daysAgo(7) },
          now,
        ),
      ).toBe('inactive');
    });

    it('7 days after launch when nobody ever joined', () => {
      expect(
        completionReason(
          { ...quiet, launchedAt: new Date(now.getTime() - INACTIVITY_LIMIT_MS + 1) },
          now,
        ),
      ).toBeNull();
      expect(completionReason({ ...quiet, launchedAt: daysAgo(7) }, now)).toBe('inactive');
    });

    it('not while someone is active, however long ago the last one left', () => {
      expect(
        completionReason(
          {
            ...live,
            activeParticipantCount: 1,
            lastParticipantLeftAt: daysAgo(20),
            launchedAt: daysAgo(30),
          },
          now,
        ),
      ).toBeNull();
    });

    it('not before launch, and not while paused', () => {
      expect(completionReason({ ...quiet, launchedAt: null }, now)).toBeNull();
      expect(
        completionReason({ ...quiet, status: 'paused', launchedAt: daysAgo(30) }, now),
      ).toBeNull();
    });
  });

  it('reports the first rule that holds: budget, target, end date, inactivity', () => {
    const everything = {
      ...live,
      remainingBudgetCents: 0,
      targetImpressions: 10,
      impressions: 10,
      endsAt: daysAgo(1),
      activeParticipantCount: 0,
      launchedAt: daysAgo(30),
    };
    expect(completionReason(everything, now)).toBe('budget_spent');
    expect(completionReason({ ...everything, remainingBudgetCents: 50_000 }, now)).toBe(
      'target_reached',
    );
    expect(
      completionReason(
        { ...everything, remainingBudgetCents: 50_000, targetImpressions: null },
        now,
      ),
    ).toBe('end_date');
    expect(
      completionReason(
        {
          ...everything,
          remainingBudgetCents: 50_000,
          targetImpressions: null,
          endsAt: daysAgo(-1),
        },
        now,
      ),
    ).toBe('inactive');
  });
});
