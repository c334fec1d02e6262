import type { ApiClient } from '@gametriggers/api';
import type { ModerationKind } from '@gametriggers/contracts';
import { namesForPage } from '../../components/names/page-names';
import { ownerRoles } from './moderation-labels';

/** The owners of a page of moderation items by name (brands' company names, streamers' display names). */
export async function ownerNamesFor(api: ApiClient, items: ReadonlyArray<{ kind: ModerationKind; ownerId: string }>) {
  const ownedBy = (role: 'brand' | 'streamer') =>
    items.filter((item) => ownerRoles[item.kind] === role).map((item) => item.ownerId);
  const names = await namesForPage(api, { brandIds: ownedBy('brand'), streamerIds: ownedBy('streamer') });
  return (item: { kind: ModerationKind; ownerId: string }) =>
    ownerRoles[item.kind] === 'brand' ? names.brand(item.ownerId) : names.streamer(item.ownerId)?.displayName;
}
