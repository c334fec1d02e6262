import type { OverlayKeyResolution, OverlayReport } from '@gametriggers/contracts';
import type { StoredEvent } from './stored-event';
import type { LiveChange, RefusalReason, TokenBucket, ViewerReading } from './traffic-rules';
import {
  believableViewers,
  invalidReasonFor,
  isForeignParticipation,
  isImpossibleViewerJump,
  liveViewersAt,
  refusalFor,
  takeTokens,
} from './traffic-rules';

const MAX_TRACKED = 100_000;

export interface RefusedEvent {
  id: string;
  reason: RefusalReason;
}

/**
 * The per-process memory the traffic rules need: a token bucket per overlay key and each
 * overlay's last viewer reading.
 */
export function createTrafficGuard(options: {
  /** Each key's sustained rate and burst, read at each batch (the platform configuration's). */
  limits: () => Promise<{ ratePerSecond: number; burst: number }>;
  now: () => Date;
}) {
  const buckets = new Map<string, TokenBucket>();
  const lastViewers = new Map<string, ViewerReading>();

  function remember<T>(map: Map<string, T>, key: string, value: T) {
    if (map.size >= MAX_TRACKED && !map.has(key)) map.clear();
    map.set(key, value);
  }

  return {
    /** Takes one token per event from the key's bucket; refuses the whole batch when short. */
    async admit(key: string, events: number) {
      const limits = await options.limits();
      const result = takeTokens(buckets.get(key), events, options.now().getTime(), limits);
      remember(buckets, key, result.bucket);
      return result;
    },

    /** Splits a batch into rows to store (flagged when not countable) and refused events. */
    judge(
      overlay: OverlayKeyResolution,
      events: OverlayReport[],
      /** Known participations' streamers; a report naming another streamer's is not counted. */
      owners: ReadonlyMap<string, string> = new Map(),
      /** The streamer's recorded live changes; asked only while the overlay is not live now. */
      history: readonly LiveChange[] = [],
    ) {
      const nowMs = options.now().getTime();
      const rows: StoredEvent[] = [];
      const refused: RefusedEvent[] = [];
      const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      for (const event of ordered) {
        const at = new Date(event.at);
        const refusal = refusalFor(at.getTime(), nowMs);
        if (refusal) {
          refused.push({ id: event.id, reason: refusal });
          continue;
        }
        // Not live now, but perhaps when it happened (a report delivered late).
        const viewersThen = overlay.live ? null : liveViewersAt(history, at.getTime());
        const live = overlay.live || viewersThen !== null;
        const synced = viewersThen ?? overlay.viewers;
        let viewerJump = false;
        const viewers =
          event.viewers === undefined ? null : believableViewers(event.viewers, synced);
        if (viewers !== null) {
          const reading = { viewers, atMs: at.getTime() };
          viewerJump = isImpossibleViewerJump(lastViewers.get(overlay.overlayId), reading);
          if (!viewerJump) remember(lastViewers, overlay.overlayId, reading);
        }
        rows.push({
          id: event.id,
          at,
          overlayId: overlay.overlayId,
          streamerId: overlay.streamerId,
          type: event.type,
          adId: event.adId ?? null,
          participationId: event.participationId ?? null,
          campaignId: event.campaignId ?? null,
          viewers,
          test: event.test ?? false,
          invalidReason: invalidReasonFor({
            test: event.test ?? false,
            live,
            viewerJump,
            foreignParticipation: isForeignParticipation(
              event.participationId,
              overlay.streamerId,
              owners,
            ),
          }),
        });
      }
      return { rows, refused };
    },
  };
}
export type TrafficGuard = ReturnType<typeof createTrafficGuard>;
