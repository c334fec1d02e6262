import {
  adminActorOf,
  adminProcedure,
  authedProcedure,
  internalProcedure,
  legacyImportProcedure,
  publicProcedure,
  router,
} from '@gametriggers/trpc';
import {
  emailRecipientSchema,
  mailLinkInputSchema,
  mailLinkSchema,
  platformStatsRangeSchema,
  userIdsInputSchema,
} from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { z } from 'zod';
import { accountNames } from './domain/account-names';
import { changeOwnPassword, ownAccount, signOutOtherSessions } from './domain/account-settings';
import {
  registerWithPassword,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
} from './domain/accounts';
import { createAdmin, ensureVerifiedUser, updateAdmin } from './domain/admins';
import type { IdentityDeps } from './domain/deps';
import { mailLinkFor } from './domain/email-links';
import { importedLegacyAccounts, importLegacyAccount } from './domain/legacy-import';
import { loginWithPassword } from './domain/login';
import { oauthSignIn } from './domain/oauth';
import { signedInAccount } from './domain/signed-in-account';
import { signupStats } from './domain/signup-stats';
import { logout, refreshTokenSet } from './domain/token-sets';
import {
  completeSignIn,
  confirmEnrolment,
  regenerateRecoveryCodes,
  resetTwoFactor,
  startEnrolment,
  twoFactorStatus,
} from './domain/two-factor';
import { getUser, reactivateUser, searchUsers, suspendUser } from './domain/users';
import {
  accountNamesOutput,
  accountOutput,
  challengeInput,
  changePasswordInput,
  changePasswordOutput,
  ownAccountOutput,
  signOutOtherSessionsOutput,
  completeSignInInput,
  confirmEnrolmentInput,
  emailOnlyInput,
  importedLegacyAccountsOutput,
  legacyAccountImportInput,
  legacyAccountImportOutput,
  legacyIdsInput,
  createAdminInput,
  createdAdminOutput,
  searchUsersInput,
  totpCodeInput,
  updateAdminInput,
  userIdInput,
  userReasonInput,
  userSummaryOutput,
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

/**
 * Managing admins: `canConfigureSystem` is granted to super admins alone, and the role is checked
 * too, so a flag that reached another role's token by mistake still opens nothing here.
 */
const superAdminProcedure = adminProcedure('canConfigureSystem').use(({ ctx, next }) => {
  if (ctx.caller.adminRole !== 'super_admin') {
    throw new DomainError('forbidden', 'super_admin_required', 'Only a super admin can do this.');
  }
  return next();
});
const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

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

      /**
       * The password step. An admin gets no tokens here: the refusal `second_factor_required` (or
       * `two_factor_enrolment_required`) carries a challenge token for `twoFactor.completeSignIn`.
       */
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

      me: authedProcedure
        .output(accountOutput)
        .query(({ ctx }) => signedInAccount(deps.db, ctx.caller.userId)),

      /** The signed-in person's own account (any role): what their settings page shows and changes. */
      account: router({
        get: authedProcedure
          .output(ownAccountOutput)
          .query(({ ctx }) => ownAccount(deps, ctx.caller)),

        /** A new password against the current one; every other session ends, this one goes on. */
        changePassword: authedProcedure
          .input(changePasswordInput)
          .output(changePasswordOutput)
          .mutation(({ ctx, input }) => changeOwnPassword(deps, ctx.caller, input)),

        /** Ends every session of the person but the one this call comes from. */
        signOutOtherSessions: authedProcedure
          .output(signOutOtherSessionsOutput)
          .mutation(({ ctx }) => signOutOtherSessions(deps, ctx.caller)),
      }),

      twoFactor: router({
        /** Enrolment during an admin's first sign-in: a new secret, as text and a QR code. */
        startEnrolment: publicProcedure
          .input(challengeInput)
          .output(z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeSvg: z.string() }))
          .mutation(({ input }) => startEnrolment(deps, input.challengeToken)),

        /** The first code turns two-factor on; the recovery codes are shown this once. */
        confirmEnrolment: publicProcedure
          .input(confirmEnrolmentInput)
          .output(recoveryCodesOutput)
          .mutation(({ input }) => confirmEnrolment(deps, input)),

        /** The second step of an admin sign-in: a TOTP or recovery code earns the tokens. */
        completeSignIn: publicProcedure
          .input(completeSignInInput)
          .output(tokenSetOutput)
          .mutation(({ input }) => completeSignIn(deps, input)),

        status: adminProcedure()
          .output(z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number() }))
          .query(({ ctx }) => twoFactorStatus(deps, ctx.caller.userId)),

        /** New recovery codes (the old ones stop working), against a current authenticator code. */
        regenerateRecoveryCodes: adminProcedure()
          .input(totpCodeInput)
          .output(recoveryCodesOutput)
          .mutation(({ ctx, input }) =>
            regenerateRecoveryCodes(deps, ctx.caller.userId, input.code),
          ),
      }),

      users: router({
        search: adminProcedure('canManageUsers')
          .input(searchUsersInput)
          .output(
            z.object({ items: z.array(userSummaryOutput), nextCursor: z.string().nullable() }),
          )
          .query(({ input }) => searchUsers(deps, input)),

        get: adminProcedure('canManageUsers')
          .input(userIdInput)
          .output(userSummaryOutput)
          .query(({ input }) => getUser(deps, input.userId)),

        /** Suspending an admin (deactivating them) takes a super admin; never the last one. */
        suspend: adminProcedure('canManageUsers')
          .input(userReasonInput)
          .output(userSummaryOutput)
          .mutation(({ ctx, input }) =>
            suspendUser(
              deps,
              { ...input, callerPermissions: [...ctx.caller.permissions] },
              adminActorOf(ctx),
            ),
          ),

        reactivate: adminProcedure('canManageUsers')
          .input(userReasonInput)
          .output(userSummaryOutput)
          .mutation(({ ctx, input }) =>
            reactivateUser(
              deps,
              { ...input, callerPermissions: [...ctx.caller.permissions] },
              adminActorOf(ctx),
            ),
          ),
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

      /** What the notification service asks when it mails people (it sends identity's mails too). */
      internal: router({
        /** Each known account's current address and role (unknown ids are left out). */
        emailRecipients: internalProcedure
          .input(userIdsInputSchema)
          .output(z.array(emailRecipientSchema))
          .query(async ({ input }) =>
            (await accountNames(deps.db, input.userIds)).map(({ userId, email, role }) => ({ userId, email, role })),
          ),

        /** The link a verification or reset mail carries, while it can still be used (`link_unavailable` otherwise). */
        mailLink: internalProcedure
          .input(mailLinkInputSchema)
          .output(mailLinkSchema)
          .query(({ input }) => mailLinkFor(deps, input.linkId)),
      }),

      /** The old platform's accounts coming over (`pnpm import:legacy`, issue 14); the importer alone. */
      legacyImport: router({
        /** Creates the account of an old user, or updates the one an earlier import made (keyed by the old id). */
        account: legacyImportProcedure
          .input(legacyAccountImportInput)
          .output(legacyAccountImportOutput)
          .mutation(({ input }) => importLegacyAccount(deps, input)),

        /** The accounts earlier imports made for these old ids: a delta's references to people it does not carry. */
        accountsByLegacyIds: legacyImportProcedure
          .input(legacyIdsInput)
          .output(importedLegacyAccountsOutput)
          .query(({ input }) => importedLegacyAccounts(deps, input.legacyIds)),
      }),

      admin: router({
        /**
         * A super admin creates an admin with a chosen role and flags. `canConfigureSystem` is held
         * by super admins alone (no other role may be granted it), so it gates this procedure.
         */
        create: superAdminProcedure
          .input(createAdminInput)
          .output(createdAdminOutput)
          .mutation(({ ctx, input }) => createAdmin(deps, input, adminActorOf(ctx))),

        /** The dashboard's sign-ups: brand and streamer accounts in total, in the window and per bucket; any admin. */
        signupStats: adminProcedure()
          .input(platformStatsRangeSchema)
          .output(signupStatsOutput)
          .query(({ input }) => signupStats(deps.db, input)),

        /** Names and emails of the accounts on one page of an admin table (audit log actors, wallets…); any admin. */
        namesByIds: adminProcedure()
          .input(userIdsInputSchema)
          .output(accountNamesOutput)
          .query(({ input }) => accountNames(deps.db, input.userIds)),

        /** A super admin changes an admin's role and flags; the last super admin stays one. */
        update: superAdminProcedure
          .input(updateAdminInput)
          .output(userSummaryOutput)
          .mutation(({ ctx, input }) => updateAdmin(deps, input, adminActorOf(ctx))),

        /** A lost authenticator: the admin's next sign-in enrols a new one. */
        resetTwoFactor: superAdminProcedure
          .input(userReasonInput)
          .output(z.object({ userId: z.string(), twoFactorEnabled: z.boolean() }))
          .mutation(({ ctx, input }) => resetTwoFactor(deps, input, adminActorOf(ctx))),
      }),
    }),
  });
}

export type IdentityRouter = ReturnType<typeof createIdentityRouter>;
