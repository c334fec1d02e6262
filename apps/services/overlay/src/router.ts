import {
  overlayKeyResolutionSchema,
  overlayResolveKeyInputSchema,
  overlaySetPausedInputSchema,
  overlaySettingsInputSchema,
  overlayTestFireInputSchema,
  streamerIdInput,
} from '@gametriggers/contracts';
import { overlaySettingsSchema } from '@gametriggers/realtime';
import { adminProcedure, internalProcedure, legacyImportProcedure, router, streamerProcedure } from '@gametriggers/trpc';
import type { OverlayDeps } from './domain/deps';
import {
  getOrCreateOverlay,
  importLegacyOverlay,
  overlayForAdmin,
  regenerateOverlayKey,
  resolveOverlayKey,
  setOverlayPaused,
  updateOverlaySettings,
} from './domain/overlays';
import { overlayPreview, testFire } from './domain/overlay-delivery';
import {
  legacyOverlayImportInput,
  legacyOverlayImportOutput,
  overlayOutput,
  overlayPreviewOutput,
  testFireOutput,
} from './schemas';

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

      /** The old platform's overlays coming over (`pnpm import:legacy`); the importer alone. */
      legacyImport: router({
        overlay: legacyImportProcedure
          .input(legacyOverlayImportInput)
          .output(legacyOverlayImportOutput)
          .mutation(({ input }) => importLegacyOverlay(deps, input)),
      }),

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
