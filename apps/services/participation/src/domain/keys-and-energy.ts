import { contentCategories } from '@gametriggers/contracts';
import type { ParticipationDeps } from './deps';
import { energyStateOf } from './energy';
import { availableKey, effectiveKey } from './gkeys';

/** The streamer's key for every category, as it stands now (run-out cool-offs read as available). */
export async function listKeys(deps: ParticipationDeps, streamerId: string) {
  const rows = await deps.db.gKey.findMany({ where: { streamerId } });
  const stored = new Map(rows.map((row) => [row.category, row]));
  const now = deps.now();
  return contentCategories.map(({ id }) => {
    const key = effectiveKey(stored.get(id) ?? availableKey(id), now);
    return {
      category: id,
      state: key.state,
      campaignId: key.campaignId,
      campaignTitle: key.campaignTitle,
      participationId: key.state === 'locked' ? key.participationId : null,
      /** During cool-off this brand may still have the streamer back. */
      brandId: key.brandId,
      cooloffUntil: key.cooloffUntil,
    };
  });
}

/** Today's energy in the streamer's time zone (from their profile; UTC until they have one). */
export async function currentEnergy(deps: ParticipationDeps, streamerId: string) {
  const [profile, record, config] = await Promise.all([
    deps.streamers.matchingProfile(streamerId),
    deps.db.energyPack.findUnique({ where: { streamerId } }),
    deps.platformConfig.get(),
  ]);
  const timezone = profile?.timezone ?? record?.timezone ?? 'UTC';
  const state = energyStateOf(record, deps.now(), timezone, config.energyPacksPerDay);
  return {
    used: state.used,
    remaining: state.remaining,
    capacity: state.capacity,
    resetsAt: state.resetsAt,
    timezone: state.timezone,
  };
}
