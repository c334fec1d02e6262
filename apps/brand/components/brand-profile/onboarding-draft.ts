import type { ProfileDrafts } from './form-values';
import { emptyDrafts } from './form-values';

/** What the onboarding wizard keeps in the tab's session storage so a reload loses nothing. */
export interface OnboardingDraft {
  drafts: ProfileDrafts;
  stepIndex: number;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Per account, so another brand signing in on the same tab never sees it.
const keyOf = (userId: string) => `gametriggers.brand-onboarding.${userId}`;

/** The wizard's starting values: empty, with what sign-up already collected filled in. */
export function prefilledDrafts(known: { companyName: string | null }): ProfileDrafts {
  return {
    ...emptyDrafts,
    companyInfo: { ...emptyDrafts.companyInfo, name: known.companyName ?? '' },
  };
}

/**
 * Keeps only fields the form has, with the form's types (a string for text, a list of strings for
 * multiple choice); anything else in storage (an older shape, a hand edit) falls back to `base`.
 */
function sectionFrom<T extends object>(base: T, stored: unknown): T {
  if (typeof stored !== 'object' || stored === null) return base;
  const record = stored as Record<string, unknown>;
  const merged = { ...base } as Record<string, unknown>;
  for (const [field, fallback] of Object.entries(base)) {
    const value = record[field];
    if (typeof fallback === 'string' && typeof value === 'string') merged[field] = value;
    if (
      Array.isArray(fallback) &&
      Array.isArray(value) &&
      value.every((entry) => typeof entry === 'string')
    )
      merged[field] = value;
  }
  return merged as T;
}

export function readOnboardingDraft(
  storage: DraftStorage,
  userId: string,
  stepCount: number,
): OnboardingDraft | null {
  let stored: unknown;
  try {
    const text = storage.getItem(keyOf(userId));
    if (text === null) return null;
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const { drafts, stepIndex } = stored as { drafts?: Record<string, unknown>; stepIndex?: unknown };
  if (typeof drafts !== 'object' || drafts === null) return null;
  return {
    drafts: {
      companyInfo: sectionFrom(emptyDrafts.companyInfo, drafts.companyInfo),
      contactPerson: sectionFrom(emptyDrafts.contactPerson, drafts.contactPerson),
      preferences: sectionFrom(emptyDrafts.preferences, drafts.preferences),
      billingInfo: sectionFrom(emptyDrafts.billingInfo, drafts.billingInfo),
    },
    stepIndex:
      Number.isInteger(stepIndex) && (stepIndex as number) >= 0 && (stepIndex as number) < stepCount
        ? (stepIndex as number)
        : 0,
  };
}

/** Writes the draft; a full or refused storage (private windows) only means no recovery. */
export function writeOnboardingDraft(
  storage: DraftStorage,
  userId: string,
  draft: OnboardingDraft,
) {
  try {
    storage.setItem(keyOf(userId), JSON.stringify(draft));
  } catch {
    // Nothing to do: the form still works, it just does not survive a reload.
  }
}

export function clearOnboardingDraft(storage: DraftStorage, userId: string) {
  try {
    storage.removeItem(keyOf(userId));
  } catch {
    // As above.
  }
}
