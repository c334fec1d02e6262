/** One displayed ad slot (an `adId` of a participation) as read from countable reports. */
export interface SlotReading {
  participationId: string;
  campaignId: string;
  streamerId: string;
  adId: string;
  /** The earliest countable `display_start`; a slot without one was never rendered. */
  displayedAt: Date | null;
  /**
   * The largest viewer count of the slot's countable display start and heartbeats (an ad shorter
   * than the heartbeat interval has only its start), null when none carried one.
   */
  maxViewers: number | null;
  clicks: number;
}

export interface ParticipationHour {
  participationId: string;
  campaignId: string;
  streamerId: string;
  impressions: number;
  clicks: number;
}

/** Countable clicks of a participation's tracked short link in the hour (no ad slot). */
export interface LinkClicks {
  participationId: string;
  campaignId: string;
  streamerId: string;
  clicks: number;
}

/**
 * The counted delivery of one clock hour: every slot rendered in that hour counts its viewers once
 * (however many heartbeats repeated them) and its clicks; a slot belongs to the hour it started in.
 * A participation belongs to one streamer and one campaign, and overlays name it themselves: one
 * reported under several streamers or campaigns is not counted at all rather than billed to the
 * wrong one. Clicks of the participation's tracked short link count into its hour as they are.
 */
export function countHour(
  slots: SlotReading[],
  hourStart: Date,
  linkClicks: LinkClicks[] = [],
): ParticipationHour[] {
  const start = hourStart.getTime();
  const end = start + 60 * 60_000;
  const totals = new Map<string, ParticipationHour>();
  for (const slot of slots) {
    if (!slot.displayedAt) continue;
    const displayed = slot.displayedAt.getTime();
    if (displayed < start || displayed >= end) continue;
    const key = `${slot.participationId}|${slot.campaignId}|${slot.streamerId}`;
    const total = totals.get(key) ?? {
      participationId: slot.participationId,
      campaignId: slot.campaignId,
      streamerId: slot.streamerId,
      impressions: 0,
      clicks: 0,
    };
    total.impressions += slot.maxViewers ?? 0;
    total.clicks += slot.clicks;
    totals.set(key, total);
  }
  for (const link of linkClicks) {
    const key = `${link.participationId}|${link.campaignId}|${link.streamerId}`;
    const total = totals.get(key) ?? { ...link, impressions: 0, clicks: 0 };
    total.clicks += link.clicks;
    totals.set(key, total);
  }
  const seen = new Map<string, number>();
  for (const total of totals.values()) {
    seen.set(total.participationId, (seen.get(total.participationId) ?? 0) + 1);
  }
  return [...totals.values()].filter((total) => seen.get(total.participationId) === 1);
}

/** Whether stored totals differ from a fresh count (so the hour must be re-announced). */
export function totalsChanged(
  stored: { impressions: number; clicks: number } | undefined,
  fresh: { impressions: number; clicks: number },
) {
  if (!stored) return fresh.impressions > 0 || fresh.clicks > 0;
  return stored.impressions !== fresh.impressions || stored.clicks !== fresh.clicks;
}
