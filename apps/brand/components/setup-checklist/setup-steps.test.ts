import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CampaignStatus } from '@gametriggers/contracts';
import type { BrandSetupFacts } from './setup-steps';
import { brandSetupOf, fundingStateOf } from './setup-steps';

const noCampaigns: Record<CampaignStatus, number> = {
  draft: 0,
  pending_review: 0,
  active: 0,
  paused: 0,
  completed: 0,
  rejected: 0,
  cancelled: 0,
};

const profileWith = (
  status: 'unverified' | 'pending' | 'verified' | 'rejected',
  rejectionReason: string | null = null,
) => ({ verification: { status, rejectionReason } });

function setup(facts: Partial<BrandSetupFacts>) {
  return brandSetupOf({
    profile: null,
    funding: 'unfunded',
    campaignCounts: noCampaigns,
    ...facts,
  });
}

const stateOf = (facts: Partial<BrandSetupFacts>) =>
  Object.fromEntries(setup(facts).steps.map((step) => [step.key, step.state]));
const stepOf = (facts: Partial<BrandSetupFacts>, key: string) =>
  setup(facts).steps.find((step) => step.key === key)!;

void describe('brand setup checklist', () => {
  void it('starts at the company profile, with the later steps waiting for it', () => {
    const fresh = setup({});
    assert.deepEqual(
      fresh.steps.map((step) => step.key),
      ['profile', 'verification', 'funding', 'campaign'],
    );
    assert.deepEqual(stateOf({}), {
      profile: 'todo',
      verification: 'locked',
      // Topping up does not wait for the profile.
      funding: 'todo',
      campaign: 'locked',
    });
    assert.equal(fresh.next, 'profile');
    assert.equal(stepOf({}, 'profile').action?.href, '/onboarding');
    // A locked step links nowhere: its page would only send the brand back to onboarding.
    assert.equal(stepOf({}, 'verification').action, undefined);
    assert.equal(stepOf({}, 'campaign').action, undefined);
  });

  void it('asks for verification once the profile exists, and says what each verification status means', () => {
    const unverified = { profile: profileWith('unverified') };
    assert.equal(stepOf(unverified, 'profile').state, 'done');
    assert.equal(stepOf(unverified, 'verification').state, 'todo');
    assert.equal(stepOf(unverified, 'verification').action?.href, '/profile#verification');
    assert.equal(setup(unverified).next, 'verification');

    const pending = stepOf({ profile: profileWith('pending') }, 'verification');
    assert.equal(pending.state, 'waiting');
    assert.match(pending.detail, /reviewing your documents/);

    const rejected = stepOf(
      { profile: profileWith('rejected', 'The tax id is unreadable.') },
      'verification',
    );
    assert.equal(rejected.state, 'attention');
    assert.match(rejected.detail, /The tax id is unreadable\./);
    assert.equal(rejected.action?.label, 'See why and resend');

    assert.equal(stepOf({ profile: profileWith('verified') }, 'verification').state, 'done');
  });

  void it('asks an unfunded brand to top up, and counts the step done once money came in', () => {
    const facts = { profile: profileWith('verified') };
    const funding = stepOf(facts, 'funding');
    assert.equal(funding.state, 'todo');
    assert.equal(funding.action?.href, '/billing#top-up');
    assert.equal(setup(facts).total, 4);
    assert.equal(setup(facts).next, 'funding');

    const funded = setup({ ...facts, funding: 'funded' });
    assert.equal(stepOf({ ...facts, funding: 'funded' }, 'funding').state, 'done');
    assert.equal(funded.doneCount, 3);
    assert.equal(funded.next, 'campaign');

    const unknown = stepOf({ ...facts, funding: 'unknown' }, 'funding');
    assert.equal(unknown.state, 'todo');
    assert.match(unknown.detail, /could not check your wallet/);
    assert.equal(unknown.action?.href, '/billing');
  });

  void it('calls a wallet funded once money ever came in, even if it is all reserved or spent', () => {
    assert.equal(fundingStateOf({ availableCents: 0, reservedCents: 0, spentCents: 0 }), 'unfunded');
    assert.equal(fundingStateOf({ availableCents: 1, reservedCents: 0, spentCents: 0 }), 'funded');
    assert.equal(fundingStateOf({ availableCents: 0, reservedCents: 5_000, spentCents: 0 }), 'funded');
    assert.equal(fundingStateOf({ availableCents: 0, reservedCents: 0, spentCents: 5_000 }), 'funded');
  });

  void it('is done with the first campaign once one went to review, whatever happened to it after', () => {
    const profile = profileWith('verified');
    for (const status of ['pending_review', 'active', 'paused', 'completed'] as const) {
      const result = setup({ profile, funding: 'funded', campaignCounts: { ...noCampaigns, [status]: 1 } });
      assert.equal(result.steps[3]!.state, 'done', status);
      assert.equal(result.doneCount, 4);
      assert.equal(result.next, null);
    }
  });

  void it('points at the draft, the rejected campaign or a new one, and says a draft waits for verification', () => {
    const verified = profileWith('verified');
    const unverified = profileWith('unverified');
    const none = stepOf({ profile: unverified }, 'campaign');
    assert.equal(none.action?.href, '/campaigns/new');
    assert.match(none.detail, /needs a verified company/);
    assert.doesNotMatch(stepOf({ profile: verified }, 'campaign').detail, /verified company/);

    const draft = stepOf(
      { profile: unverified, campaignCounts: { ...noCampaigns, draft: 2 } },
      'campaign',
    );
    assert.equal(draft.state, 'todo');
    assert.equal(draft.action?.href, '/campaigns?status=draft');
    assert.match(draft.detail, /needs a verified company/);

    const rejected = stepOf(
      { profile: verified, campaignCounts: { ...noCampaigns, rejected: 1, draft: 1 } },
      'campaign',
    );
    assert.equal(rejected.state, 'attention');
    assert.equal(rejected.action?.href, '/campaigns?status=rejected');

    // A cancelled campaign never counts as the first one in review.
    assert.equal(
      stepOf({ profile: verified, campaignCounts: { ...noCampaigns, cancelled: 1 } }, 'campaign')
        .state,
      'todo',
    );
  });

  void it('says honestly when the campaigns could not be read', () => {
    const step = stepOf({ profile: profileWith('verified'), campaignCounts: null }, 'campaign');
    assert.equal(step.state, 'todo');
    assert.match(step.detail, /could not check/);
    assert.equal(step.action?.href, '/campaigns');
  });
});
