import type { ContentCategory, GKeyState } from '@gametriggers/contracts';

/** A streamer's key for one category as stored; a missing row is an available key. */
export interface GKeyRecord {
  category: string;
  state: GKeyState;
  campaignId: string | null;
  campaignTitle: string | null;
  brandId: string | null;
  participationId: string | null;
  cooloffUntil: Date | null;
}

export const availableKey = (category: string): GKeyRecord => ({
  category,
  state: 'available',
  campaignId: null,
  campaignTitle: null,
  brandId: null,
  participationId: null,
  cooloffUntil: null,
});

/** A cool-off that has run out is an available key; nothing needs to flip it. */
export function effectiveKey(key: GKeyRecord, now: Date): GKeyRecord {
  if (key.state === 'cooloff' && key.cooloffUntil && key.cooloffUntil <= now) {
    return availableKey(key.category);
  }
  return key;
}

/** Available, or cooling off after a campaign of the same brand (that brand may have the streamer back). */
export function keyUsableBy(key: GKeyRecord, brandId: string, now: Date): boolean {
  const current = effectiveKey(key, now);
  if (current.state === 'available') return true;
  return current.state === 'cooloff' && current.brandId === brandId;
}

/**
 * The key a join locks: the first of the campaign's categories (in the campaign's order) that the
 * streamer streams in and whose key is usable by the campaign's brand. Null: none is.
 */
export function chooseKeyCategory(
  campaignCategories: readonly ContentCategory[],
  streamerCategories: readonly ContentCategory[],
  keyOf: (category: ContentCategory) => GKeyRecord,
  brandId: string,
  now: Date,
): ContentCategory | null {
  for (const category of campaignCategories) {
    if (streamerCategories.includes(category) && keyUsableBy(keyOf(category), brandId, now)) {
      return category;
    }
  }
  return null;
}

export interface KeyHolder {
  campaignId: string;
  campaignTitle: string;
  brandId: string;
  participationId: string;
}

export function lockedKey(key: GKeyRecord, holder: KeyHolder, now: Date): GKeyRecord {
  if (!keyUsableBy(key, holder.brandId, now)) {
    throw new Error(`The ${key.category} key is not usable by brand ${holder.brandId}`);
  }
  return { category: key.category, state: 'locked', cooloffUntil: null, ...holder };
}

/**
 * The key once its participation ends: cooling off for the campaign's hours (still naming the
 * campaign and brand, so that brand may rejoin), or available at once for zero hours. A key no
 * longer held by that participation is returned unchanged, which keeps ending idempotent.
 */
export function releasedKey(
  key: GKeyRecord,
  participationId: string,
  cooloffHours: number,
  now: Date,
): GKeyRecord {
  if (key.state !== 'locked' || key.participationId !== participationId) return key;
  if (cooloffHours <= 0) return availableKey(key.category);
  return {
    ...key,
    state: 'cooloff',
    cooloffUntil: new Date(now.getTime() + cooloffHours * 60 * 60_000),
  };
}
