import type { Counts } from '../schemas';

/** Impressions and clicks with the click-through rate derived from them. */
export function withCtr(impressions: number | bigint, clicks: number | bigint): Counts {
  const shown = Number(impressions);
  const clicked = Number(clicks);
  return { impressions: shown, clicks: clicked, ctr: shown > 0 ? clicked / shown : 0 };
}
