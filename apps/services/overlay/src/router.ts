import {
  overlayKeyResolutionSchema,
  overlayResolveKeyInputSchema,
  overlaySetPausedInputSchema,
  overlaySettingsInputSchema,
  overlayTestFireInputSchema,
  streamerIdInput,
} from '@gametriggers/contracts';
import { overlaySettingsSchema } from '@gametriggers/realtime';
import { adminProcedure, internalProcedure, router, streamerProcedure } from '@gametriggers/trpc';
import type { OverlayDeps } from './domain/deps';
import {
  getOrCreateOverlay,
  overlayForAdmin,
  regenerateOverlayKey,
  resolveOverlayKey,
  setOverlayPaused,
  updateOverlaySettings,
} from './domain/overlays';
import { overlayPreview, testFire } from './domain/overlay-delivery';
import { overlayOutput, overlayPreviewOutput, testFireOutput } from './schemas';

const overlayReadingAdminProcedure = adminProcedure('canModerateContent');

export function createOverlayRouter(deps: OverlayDeps) {
  return router({
    overlay: router({
      get: streamerProcedure
        .output(overlayOutput)
        .query(({ ctx }) => getOrCreateOverlay(deps, ctx.caller.userId)),

      updateSettings: streamerProcedure
        .input(overlaySettingsInputSchema)
        .output(overlayOutput)
        .mutation(({ ctx, input }) => updateOverlaySettings(deps, ctx.caller.userId, input)),

      regenerateKey: streamerProcedure
        .output(overlayOutput)
        .mutation(({ ctx }) => regenerateOverlayKey(deps, ctx.caller.userId)),

      setPaused: streamerProcedure
        .input(overlaySetPausedInputSchema)
        .output(overlayOutput)
        .mutation(({ ctx, input }) => setOverlayPaused(deps, ctx.caller.userId, input.paused)),

      preview: streamerProcedure
        .output(overlayPreviewOutput)
        .query(({ ctx }) => overlayPreview(deps, ctx.caller.userId)),

      testFire: streamerProcedure
        .input(overlayTestFireInputSchema)
        .output(testFireOutput)
        .mutation(({ ctx, input }) => testFire(deps, ctx.caller.userId, input.participationId)),

      getForStreamer: overlayReadingAdminProcedure
        .input(streamerIdInput)
        .output(overlayOutput)
        .query(({ input }) => overlayForAdmin(deps, input.streamerId)),

      internal: router({
        resolveKey: internalProcedure
          .input(overlayResolveKeyInputSchema)
          .output(overlayKeyResolutionSchema.extend({ settings: overlaySettingsSchema }).nullable())
          .query(({ input }) => resolveOverlayKey(deps, input.key)),
      }),
    }),
  });
}

export type OverlayRouter = ReturnType<typeof createOverlayRouter>;
