import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProfileDrafts } from './form-values';
import { emptyDrafts } from './form-values';
import {
  clearOnboardingDraft,
  prefilledDrafts,
  readOnboardingDraft,
  writeOnboardingDraft,
} from './onboarding-draft';

/** The Web Storage interface over a Map, as the browser's session storage behaves. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const typed: ProfileDrafts = {
  ...emptyDrafts,
  companyInfo: { name: 'Acme Games', industry: 'Gaming', size: 'small', website: '' },
  preferences: { ...emptyDrafts.preferences, contentCategories: ['fps'], budgetMin: '500' },
};

void describe('the onboarding draft kept across a reload', () => {
  void it('gives back what was written, for the same account only, until it is cleared', () => {
    const storage = memoryStorage();
    writeOnboardingDraft(storage, 'brand-a', { drafts: typed, stepIndex: 2 });
    assert.deepEqual(readOnboardingDraft(storage, 'brand-a', 5), { drafts: typed, stepIndex: 2 });
    assert.equal(readOnboardingDraft(storage, 'brand-b', 5), null);
    clearOnboardingDraft(storage, 'brand-a');
    assert.equal(readOnboardingDraft(storage, 'brand-a', 5), null);
    assert.equal(storage.items.size, 0);
  });

  void it('keeps only fields of the form with the form’s types, and a step that exists', () => {
    const storage = memoryStorage();
    storage.setItem(
      'gametriggers.brand-onboarding.brand-a',
      JSON.stringify({
        stepIndex: 9,
        drafts: {
          companyInfo: { name: 'Acme', industry: 42, extra: 'x' },
          preferences: { contentCategories: ['fps', 3], regions: ['US'] },
          billingInfo: 'nonsense',
        },
      }),
    );
    const restored = readOnboardingDraft(storage, 'brand-a', 5);
    assert.equal(restored?.stepIndex, 0);
    assert.deepEqual(restored?.drafts.companyInfo, { ...emptyDrafts.companyInfo, name: 'Acme' });
    assert.deepEqual(restored?.drafts.preferences.contentCategories, []);
    assert.deepEqual(restored?.drafts.preferences.regions, ['US']);
    assert.deepEqual(restored?.drafts.billingInfo, emptyDrafts.billingInfo);
  });

  void it('treats unreadable storage as no draft, and a refusing storage as no recovery', () => {
    const storage = memoryStorage();
    storage.setItem('gametriggers.brand-onboarding.brand-a', '{not json');
    assert.equal(readOnboardingDraft(storage, 'brand-a', 5), null);
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    assert.equal(readOnboardingDraft(refusing, 'brand-a', 5), null);
    assert.doesNotThrow(() =>
      writeOnboardingDraft(refusing, 'brand-a', { drafts: typed, stepIndex: 0 }),
    );
    assert.doesNotThrow(() => clearOnboardingDraft(refusing, 'brand-a'));
  });

  void it('starts from the company name given at sign-up', () => {
    assert.equal(prefilledDrafts({ companyName: 'Acme Games' }).companyInfo.name, 'Acme Games');
    assert.deepEqual(prefilledDrafts({ companyName: null }), emptyDrafts);
  });
});
