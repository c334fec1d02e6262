import {
  brandBillingProfileSchema,
  brandIdInputSchema,
  brandIdsInputSchema,
  brandStandingSchema,
  listBrandsInputSchema,
  onboardBrandInputSchema,
  rejectBrandInputSchema,
  requestVerificationInputSchema,
  updateBrandProfileInputSchema,
  verifyBrandInputSchema,
} from '@gametriggers/contracts';
import {
  adminActorOf,
  adminProcedure,
  authedProcedure,
  brandProcedure,
  internalProcedure,
  router,
} from '@gametriggers/trpc';
import { assertMayReadBrand, brandNotFound } from './domain/brand-access';
import { listBrands } from './domain/brand-list';
import {
  brandBillingProfile,
  brandNames,
  brandPublicProfile,
  brandStanding,
} from './domain/brand-reads';
import type { BrandDeps } from './domain/deps';
import { onboardBrand } from './domain/onboarding';
import { findBrandProfile, updateBrandProfile } from './domain/profile';
import {
  rejectBrand,
  requestVerification,
  verificationHistory,
  verifyBrand,
} from './domain/verification';
import {
  brandNamesOutput,
  brandPageOutput,
  brandProfileOutput,
  brandPublicProfileOutput,
  decisionOutput,
  verificationHistoryOutput,
} from './schemas';

export function createBrandRouter(deps: BrandDeps) {
  return router({
    brand: router({
      onboard: brandProcedure
        .input(onboardBrandInputSchema)
        .output(brandProfileOutput)
        .mutation(({ ctx, input }) => onboardBrand(deps, ctx.caller, input)),

      me: brandProcedure
        .output(brandProfileOutput.nullable())
        .query(({ ctx }) => findBrandProfile(deps, ctx.caller.userId)),

      updateProfile: brandProcedure
        .input(updateBrandProfileInputSchema)
        .output(brandProfileOutput)
        .mutation(({ ctx, input }) => updateBrandProfile(deps, ctx.caller.userId, input)),

      requestVerification: brandProcedure
        .input(requestVerificationInputSchema)
        .output(brandProfileOutput)
        .mutation(({ ctx, input }) => requestVerification(deps, ctx.caller.userId, input)),

      verify: adminProcedure('canVerifyBrands')
        .input(verifyBrandInputSchema)
        .output(decisionOutput)
        .mutation(({ ctx, input }) => verifyBrand(deps, adminActorOf(ctx), input)),

      reject: adminProcedure('canVerifyBrands')
        .input(rejectBrandInputSchema)
        .output(decisionOutput)
        .mutation(({ ctx, input }) => rejectBrand(deps, adminActorOf(ctx), input)),

      /** The full profile: the brand itself or any admin. */
      get: authedProcedure
        .input(brandIdInputSchema)
        .output(brandProfileOutput)
        .query(async ({ ctx, input }) => {
          assertMayReadBrand(ctx.caller, input.brandId);
          const profile = await findBrandProfile(deps, input.brandId);
          if (!profile) throw brandNotFound();
          return profile;
        }),

      /** Every verification request and decision: the brand itself or any admin. */
      verificationHistory: authedProcedure
        .input(brandIdInputSchema)
        .output(verificationHistoryOutput)
        .query(({ ctx, input }) => {
          assertMayReadBrand(ctx.caller, input.brandId);
          return verificationHistory(deps, input.brandId);
        }),

      publicProfile: authedProcedure
        .input(brandIdInputSchema)
        .output(brandPublicProfileOutput)
        .query(({ input }) => brandPublicProfile(deps, input.brandId)),

      /** The admins' review queue. */
      list: adminProcedure('canVerifyBrands')
        .input(listBrandsInputSchema)
        .output(brandPageOutput)
        .query(({ input }) => listBrands(deps, input)),

      admin: router({
        /** Company names of the brands on one page of an admin table (wallets, disputes…); any admin. */
        namesByIds: adminProcedure()
          .input(brandIdsInputSchema)
          .output(brandNamesOutput)
          .query(({ input }) => brandNames(deps, input.brandIds)),
      }),

      internal: router({
        standing: internalProcedure
          .input(brandIdInputSchema)
          .output(brandStandingSchema.nullable())
          .query(({ input }) => brandStanding(deps, input.brandId)),
        billingProfile: internalProcedure
          .input(brandIdInputSchema)
          .output(brandBillingProfileSchema.nullable())
          .query(({ input }) => brandBillingProfile(deps, input.brandId)),
      }),
    }),
  });
}

export type BrandRouter = ReturnType<typeof createBrandRouter>;
