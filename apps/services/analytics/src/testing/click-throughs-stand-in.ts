import type { ClickThrough, ClickThroughs } from '../clicks/click-throughs';

/** Campaigns' click-through URLs for tests, and a switch that makes the campaign service "down". */
export function clickThroughsStandIn() {
  const campaigns = new Map<string, ClickThrough>();
  let down = false;
  const standIn: ClickThroughs & {
    set(campaignId: string, url: string, status?: string): void;
    setDown(value: boolean): void;
  } = {
    of: (campaignId) =>
      down
        ? Promise.reject(new Error('campaign service unavailable'))
        : Promise.resolve(campaigns.get(campaignId) ?? null),
    set: (campaignId, url, status = 'active') => {
      campaigns.set(campaignId, { url, status });
    },
    setDown: (value) => {
      down = value;
    },
  };
  return standIn;
}
