import { describe, expect, it } from 'vitest';
import type { GKeyRecord } from './gkeys';
import {
  availableKey,
  chooseKeyCategory,
  effectiveKey,
  keyUsableBy,
  lockedKey,
  releasedKey,
} from './gkeys';

const now = new Date('2026-11-24T12:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const brandA = '00000000-0000-4000-8000-00000000000a';
const brandB = '00000000-0000-4000-8000-00000000000b';
const holder = (brandId = brandA) => ({
  campaignId: 'c1',
  campaignTitle: 'Energy drink launch',
  brandId,
  participationId: 'p1',
});

const locked = (brandId = brandA): GKeyRecord =>
  lockedKey(availableKey('fps'), holder(brandId), now);
const coolingOff = (until: Date, brandId = brandA): GKeyRecord => ({
  ...locked(brandId),
  state: 'cooloff',
  cooloffUntil: until,
});

describe('G-Key state machine', () => {
  it('available → locked by a join, naming the campaign', () => {
    expect(locked()).toMatchObject({
      state: 'locked',
      campaignId: 'c1',
      brandId: brandA,
      participationId: 'p1',
      cooloffUntil: null,
    });
  });

  it('locked → cooloff for the campaign’s hours when the participation ends', () => {
    const released = releasedKey(locked(), 'p1', 720, now);
    expect(released).toMatchObject({ state: 'cooloff', brandId: brandA, campaignId: 'c1' });
    expect(released.cooloffUntil).toEqual(hours(720));
  });

  it('locked → available at once for a campaign with no cool-off', () => {
    expect(releasedKey(locked(), 'p1', 0, now)).toEqual(availableKey('fps'));
  });

  it('cooloff → available once the cool-off has run out', () => {
    const key = coolingOff(hours(1));
    expect(effectiveKey(key, now).state).toBe('cooloff');
    expect(effectiveKey(key, hours(1))).toEqual(availableKey('fps'));
  });

  it('ending twice, or ending a participation that no longer holds the key, changes nothing', () => {
    const released = releasedKey(locked(), 'p1', 24, now);
    expect(releasedKey(released, 'p1', 24, hours(5))).toBe(released);
    expect(releasedKey(locked(), 'someone-else', 24, now).state).toBe('locked');
  });

  it('a locked key cannot be locked again, by any brand', () => {
    expect(() => lockedKey(locked(), holder(brandA), now)).toThrow();
    expect(keyUsableBy(locked(), brandA, now)).toBe(false);
    expect(keyUsableBy(locked(), brandB, now)).toBe(false);
  });

  it('during cool-off only the same brand may lock it again', () => {
    const key = coolingOff(hours(10));
    expect(keyUsableBy(key, brandA, now)).toBe(true);
    expect(keyUsableBy(key, brandB, now)).toBe(false);
    expect(lockedKey(key, { ...holder(brandA), participationId: 'p2' }, now)).toMatchObject({
      state: 'locked',
      participationId: 'p2',
      cooloffUntil: null,
    });
    expect(() => lockedKey(key, holder(brandB), now)).toThrow();
    // After it runs out, anyone.
    expect(keyUsableBy(key, brandB, hours(10))).toBe(true);
  });
});

describe('which key a join locks', () => {
  const keys = new Map<string, GKeyRecord>();
  const keyOf = (category: string) => keys.get(category) ?? availableKey(category);

  it('the first of the campaign’s categories, in campaign order, that the streamer has', () => {
    keys.clear();
    expect(chooseKeyCategory(['moba', 'fps', 'rpg'], ['rpg', 'fps'], keyOf, brandA, now)).toBe(
      'fps',
    );
  });

  it('skips categories whose key is locked or cooling off for another brand', () => {
    keys.clear();
    keys.set('fps', { ...locked(), category: 'fps' });
    keys.set('rpg', { ...coolingOff(hours(5), brandB), category: 'rpg' });
    expect(
      chooseKeyCategory(['fps', 'rpg', 'moba'], ['fps', 'rpg', 'moba'], keyOf, brandA, now),
    ).toBe('moba');
  });

  it('takes a key cooling off after the same brand', () => {
    keys.clear();
    keys.set('fps', { ...coolingOff(hours(5), brandA), category: 'fps' });
    expect(chooseKeyCategory(['fps'], ['fps'], keyOf, brandA, now)).toBe('fps');
  });

  it('none when no shared category has a usable key, or there is no shared category', () => {
    keys.clear();
    keys.set('fps', { ...locked(), category: 'fps' });
    expect(chooseKeyCategory(['fps'], ['fps', 'rpg'], keyOf, brandA, now)).toBeNull();
    expect(chooseKeyCategory(['moba'], ['fps'], keyOf, brandA, now)).toBeNull();
  });
});
