import type { OverlayKeyResolution } from '@gametriggers/contracts';
import { overlayKeyResolutionSchema } from '@gametriggers/contracts';
import { createLogger, internalProcedure, router, startService } from '@gametriggers/trpc';
import { z } from 'zod';

/**
 * A tiny overlay service answering only `overlay.internal.resolveKey` with the contract's shape,
 * for tests that need overlay keys without the real overlay service. `calls` counts lookups.
 */
export async function startOverlayKeysStandIn(serviceSecret: string) {
  const overlays = new Map<string, OverlayKeyResolution>();
  let calls = 0;
  const standIn = router({
    overlay: router({
      internal: router({
        resolveKey: internalProcedure
          .input(z.object({ key: z.string() }))
          .output(overlayKeyResolutionSchema.nullable())
          .query(({ input }) => {
            calls += 1;
            return overlays.get(input.key) ?? null;
          }),
      }),
    }),
  });
  const service = await startService({
    name: 'overlay-stand-in',
    port: 0,
    router: standIn,
    auth: { serviceSecret, accessTokens: { verify: () => Promise.reject(new Error('none')) } },
    readiness: {},
    log: createLogger('overlay-stand-in', 'warn'),
  });
  return {
    url: service.url,
    /** Makes `key` resolve to this overlay (or changes its live status). */
    setOverlay(key: string, overlay: OverlayKeyResolution) {
      overlays.set(key, overlay);
    },
    get calls() {
      return calls;
    },
    close: () => service.close(100),
  };
}
export type OverlayKeysStandIn = Awaited<ReturnType<typeof startOverlayKeysStandIn>>;
