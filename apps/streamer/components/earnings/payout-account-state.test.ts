import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onboardingReturnNote, payoutAccountStateOf } from './payout-account-state';

void describe('payout account state', () => {
  void it('goes from not connected through details and review to ready', () => {
    assert.equal(payoutAccountStateOf({ connected: false, detailsSubmitted: false, payoutsEnabled: false }), 'not_connected');
    assert.equal(payoutAccountStateOf({ connected: true, detailsSubmitted: false, payoutsEnabled: false }), 'details_missing');
    assert.equal(payoutAccountStateOf({ connected: true, detailsSubmitted: true, payoutsEnabled: false }), 'in_review');
    assert.equal(payoutAccountStateOf({ connected: true, detailsSubmitted: true, payoutsEnabled: true }), 'ready');
  });

  void it('says what happened on return from the setup pages', () => {
    assert.equal(onboardingReturnNote(undefined, 'ready'), null);
    assert.equal(onboardingReturnNote('other', 'ready'), null);
    assert.match(onboardingReturnNote('done', 'ready') ?? '', /ready/);
    assert.match(onboardingReturnNote(['done'], 'in_review') ?? '', /being checked/);
    assert.match(onboardingReturnNote('done', 'details_missing') ?? '', /not finished/);
    assert.match(onboardingReturnNote('expired', 'not_connected') ?? '', /expired/);
  });
});
