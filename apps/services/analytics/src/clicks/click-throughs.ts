import { campaignDeliveryInfoSchema } from '@gametriggers/contracts';
import { z } from 'zod';
import { callInternalQuery } from '../clients/internal-query';

export interface ClickThrough {
  url: string;
  status: string;
}

/** A campaign's click-through URL and status (`campaign.internal.deliveryInfo`); null when unknown. Throws when the campaign service cannot be asked. */
export interface ClickThroughs {
  of(campaignId: string): Promise<ClickThrough | null>;
}

export function createClickThroughs(options: { url: string; secret: string }): ClickThroughs {
  return {
    async of(campaignId) {
      const result = await callInternalQuery(options, 'campaign.internal.deliveryInfo', {
        campaignIds: [campaignId],
      });
      const info = z.array(campaignDeliveryInfoSchema).parse(result)[0];
      return info ? { url: info.clickThroughUrl, status: info.status } : null;
    },
  };
}

/** Remembers answers for `ttlMs` (a brand's edit shows within it); failures are not remembered. */
export function cachedClickThroughs(
  source: ClickThroughs,
  options: { ttlMs: number; now: () => number },
): ClickThroughs {
  const cache = new Map<string, { value: ClickThrough | null; until: number }>();
  return {
    async of(campaignId) {
      const hit = cache.get(campaignId);
      if (hit && hit.until > options.now()) return hit.value;
      const value = await source.of(campaignId);
      if (cache.size >= 10_000) cache.clear();
      cache.set(campaignId, { value, until: options.now() + options.ttlMs });
      return value;
    },
  };
}
