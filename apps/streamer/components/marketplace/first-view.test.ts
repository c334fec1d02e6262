import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstMarketplaceView } from './first-view';

/** A read that answers only when told to, recording when it was asked. */
function deferredRead<T>(name: string, asked: string[]) {
  let answer: (value: T) => void = () => undefined;
  let refuse: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  return {
    read: () => {
      asked.push(name);
      return promise;
    },
    answer: (value: T) => answer(value),
    refuse: (error: Error) => refuse(error),
  };
}

void describe('the marketplace page reads', () => {
  void it('asks for the campaigns without waiting for the profile', async () => {
    const asked: string[] = [];
    const profile = deferredRead<{ name: string }>('profile', asked);
    const campaigns = deferredRead<{ items: string[] }>('campaigns', asked);
    const view = firstMarketplaceView(profile.read, campaigns.read);
    assert.deepEqual(asked.sort(), ['campaigns', 'profile']);
    campaigns.answer({ items: ['acme-clutch'] });
    profile.answer({ name: 'Pixel Pat' });
    assert.deepEqual(await view, { profile: { name: 'Pixel Pat' }, campaigns: { items: ['acme-clutch'] } });
  });

  void it("gives the profile's refusal (the redirect to onboarding), whatever the campaigns read did", async () => {
    const asked: string[] = [];
    const profile = deferredRead<never>('profile', asked);
    const campaigns = deferredRead<never>('campaigns', asked);
    const view = firstMarketplaceView(profile.read, campaigns.read);
    campaigns.refuse(new Error('campaign service down'));
    profile.refuse(new Error('NEXT_REDIRECT /onboarding'));
    await assert.rejects(view, /NEXT_REDIRECT \/onboarding/);
  });
});
