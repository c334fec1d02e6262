import type { OverlayKeyResolution } from '@gametriggers/contracts';
import { overlayKeyResolutionSchema } from '@gametriggers/contracts';
import { callInternalQuery } from './internal-query';

/** Who an overlay key belongs to: the overlay service's `overlay.internal.resolveKey`. */
export interface OverlayKeys {
  resolve(key: string): Promise<OverlayKeyResolution | null>;
}

export function createOverlayKeysClient(options: { url: string; secret: string }): OverlayKeys {
  return {
    async resolve(key) {
      const result = await callInternalQuery(options, 'overlay.internal.resolveKey', { key });
      return result === null ? null : overlayKeyResolutionSchema.parse(result);
    },
  };
}

/**
 * Keeps answers briefly so a busy overlay does not cost a call per batch: known keys for
 * `hitMs` (a stream going live shows up within that), unknown ones for `missMs`.
 */
export function cachedOverlayKeys(
  keys: OverlayKeys,
  options: { hitMs: number; missMs: number; now: () => number; maxEntries?: number },
): OverlayKeys {
  const cache = new Map<string, { value: Promise<OverlayKeyResolution | null>; expiresAt: number }>();
  const maxEntries = options.maxEntries ?? 100_000;
  return {
    resolve(key) {
      const nowMs = options.now();
      const hit = cache.get(key);
      if (hit && hit.expiresAt > nowMs) return hit.value;
      if (cache.size >= maxEntries) cache.clear();
      const value = keys.resolve(key);
      const entry = { value, expiresAt: nowMs + options.hitMs };
      cache.set(key, entry);
      value.then(
        (resolved) => {
          if (resolved === null) entry.expiresAt = options.now() + options.missMs;
        },
        () => cache.delete(key),
      );
      return value;
    },
  };
}
