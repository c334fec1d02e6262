import type { OverlayDeps } from '../domain/deps';

/**
 * On start, runs a step for every overlay whose streamer is live, so a cycle whose delayed check was
 * lost (or kept failing) picks up again.
 */
export async function resumeLiveOverlays(deps: OverlayDeps): Promise<void> {
  const live = await deps.db.streamerLiveStatus.findMany({ where: { live: true }, select: { streamerId: true } });
  if (live.length === 0) return;
  const overlays = await deps.db.overlay.findMany({
    where: { streamerId: { in: live.map((row) => row.streamerId) } },
    select: { id: true },
  });
  for (const overlay of overlays) await deps.delivery.overlayChanged(overlay.id);
}
