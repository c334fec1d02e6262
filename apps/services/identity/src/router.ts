import {
  adminActorOf,
  adminProcedure,
  authedProcedure,
  internalProcedure,
  publicProcedure,
  router,
} from '@gametriggers/trpc';
import { platformStatsRangeSchema } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { z } from 'zod';
import { accountView } from './domain/account-view';
import {
  registerWithPassword,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
} from './domain/accounts';
import { createAdmin, ensureVerifiedUser } from './domain/admins';
import type { IdentityDeps } from './domain/deps';
import { loginWithPassword } from './domain/login';
import { oauthSignIn } from './domain/oauth';
import { signupStats } from './domain/signup-stats';
import { logout, refreshTokenSet } from './domain/token-sets';
import {
  accountOutput,
  emailOnlyInput,
  createAdminInput,
  createdAdminOutput,
  loginInput,
  oauthSignInInput,
  refreshTokenInput,
  registerInput,
  resetPasswordInput,
  seedUserInput,
  signupStatsOutput,
  tokenInput,
  tokenSetOutput,
} from './schemas';

const sentOutput = z.object({ sent: z.literal(true) });

export function createIdentityRouter(deps: IdentityDeps) {
  return router({
    identity: router({
      register: publicProcedure
        .input(registerInput)
        .output(
          z.object({ userId: z.string(), email: z.string(), role: z.enum(['brand', 'streamer']) }),
        )
        .mutation(({ input }) => registerWithPassword(deps, input)),

      verifyEmail: publicProcedure
        .input(tokenInput)
        .output(z.object({ email: z.string(), role: z.enum(['brand', 'streamer', 'admin']) }))
        .mutation(({ input }) => verifyEmail(deps, input.token)),

      resendVerification: publicProcedure
        .input(emailOnlyInput)
        .output(sentOutput)
        .mutation(({ input }) => resendVerification(deps, input.email)),

      requestPasswordReset: publicProcedure
        .input(emailOnlyInput)
        .output(sentOutput)
        .mutation(({ input }) => requestPasswordReset(deps, input.email)),

      resetPassword: publicProcedure
        .input(resetPasswordInput)
        .output(z.object({ email: z.string() }))
        .mutation(({ input }) => resetPassword(deps, input.token, input.password)),

      login: publicProcedure
        .input(loginInput)
        .output(tokenSetOutput)
        .mutation(({ input }) => loginWithPassword(deps, input)),

      refresh: publicProcedure
        .input(refreshTokenInput)
        .output(tokenSetOutput)
        .mutation(({ input }) => refreshTokenSet(deps, input.refreshToken)),

      logout: publicProcedure
        .input(refreshTokenInput)
        .output(z.object({ ok: z.literal(true) }))
        .mutation(async ({ input }) => {
          await logout(deps, input.refreshToken);
          return { ok: true as const };
        }),

      me: authedProcedure.output(accountOutput).query(async ({ ctx }) => {
        const user = await deps.db.user.findUnique({
          where: { id: ctx.caller.userId },
          include: { admin: true },
        });
        if (!user)
          throw new DomainError('not_found', 'account_not_found', 'This account no longer exists.');
        return accountView(user);
      }),

      /** What next-auth calls after a Google or Twitch sign-in. */
      oauthSignIn: internalProcedure
        .input(oauthSignInInput)
        .output(tokenSetOutput)
        .mutation(({ input }) => oauthSignIn(deps, input)),

      /** Demo and test fixtures: a verified account, created once. */
      seedDemoUser: internalProcedure
        .input(seedUserInput)
        .output(z.object({ userId: z.string(), created: z.boolean() }))
        .mutation(({ input }) => ensureVerifiedUser(deps, input)),

      admin: router({
        /**
         * A super admin creates an admin with a chosen role and flags. `canConfigureSystem` is held
         * by super admins alone (no other role may be granted it), so it gates this procedure.
         */
        create: adminProcedure('canConfigureSystem')
          .input(createAdminInput)
          .output(createdAdminOutput)
          .mutation(({ ctx, input }) => createAdmin(deps, input, adminActorOf(ctx))),

        /** The dashboard's sign-ups: brand and streamer accounts in total, in the window and per bucket; any admin. */
        signupStats: adminProcedure()
          .input(platformStatsRangeSchema)
          .output(signupStatsOutput)
          .query(({ input }) => signupStats(deps.db, input)),
      }),
    }),
  });
}

export type IdentityRouter = ReturnType<typeof createIdentityRouter>;
