import {
  idSchema,
  instantSchema,
  legacyIdSchema,
  lineTextSchema,
  opaqueStringSchema,
  pageInputSchema,
  paragraphTextSchema,
  passwordTextSchema,
  searchTextSchema,
} from '@gametriggers/contracts';
import {
  adminPermissionSchema,
  adminRoleSchema as adminRoleInputSchema,
  defaultPermissionsByAdminRole,
} from '@gametriggers/tokens';
import { z } from 'zod';

// Bounded lengths everywhere: a huge string is a clear 400, never a slow hash or a 500.
export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

export const newPasswordSchema = passwordTextSchema({
  what: 'your password',
  min: 10,
  max: 200,
  tooShort: 'Use at least 10 characters for your password.',
});

const presentedPasswordSchema = passwordTextSchema({
  what: 'your password',
  min: 1,
  max: 200,
  tooShort: 'Enter your password.',
});
const opaqueTokenSchema = opaqueStringSchema({ what: 'link token', min: 16, max: 200 });
const personNameSchema = lineTextSchema({ what: 'your name', min: 1, max: 120 });

export const registerInput = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: personNameSchema.optional(),
  role: z.enum(['brand', 'streamer'], { error: 'Choose whether you are a brand or a streamer.' }),
});
export const loginInput = z.object({ email: emailSchema, password: presentedPasswordSchema });
export const emailOnlyInput = z.object({ email: emailSchema });
export const tokenInput = z.object({ token: opaqueTokenSchema });
export const resetPasswordInput = z.object({
  token: opaqueTokenSchema,
  password: newPasswordSchema,
});
export const refreshTokenInput = z.object({ refreshToken: opaqueTokenSchema });
export const oauthSignInInput = z.object({
  provider: z.enum(['google', 'twitch']),
  providerAccountId: opaqueStringSchema({ what: 'provider account id', max: 255 }),
  email: emailSchema,
  emailVerified: z.boolean(),
  name: personNameSchema.optional(),
  role: z.enum(['brand', 'streamer']).optional(),
});
export const seedUserInput = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: personNameSchema,
  role: z.enum(['brand', 'streamer', 'admin']),
  /** Admins only: a known base32 TOTP secret, so fixtures can compute their codes. */
  totpSecret: z
    .string()
    .regex(/^[A-Z2-7]{16,64}$/, 'A TOTP secret is 16 to 64 base32 characters.')
    .optional(),
});

/**
 * A super admin creating an admin: a role and the permission flags to grant, each one the role
 * may hold (its defaults); without flags the admin gets all of them.
 */
export const createAdminInput = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    username: lineTextSchema({ what: 'the username', min: 2, max: 64 }),
    firstName: lineTextSchema({ what: 'the first name', min: 1, max: 80 }),
    lastName: lineTextSchema({ what: 'the last name', min: 1, max: 80 }),
    adminRole: adminRoleInputSchema,
    permissions: z
      .array(adminPermissionSchema)
      .max(adminPermissionSchema.options.length)
      .refine((flags) => new Set(flags).size === flags.length, 'Give each permission once.')
      .optional(),
  })
  .superRefine((input, context) => {
    const allowed: readonly string[] = defaultPermissionsByAdminRole[input.adminRole];
    const beyond = (input.permissions ?? []).filter((flag) => !allowed.includes(flag));
    if (beyond.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['permissions'],
        message: `A ${input.adminRole} cannot hold ${beyond.join(', ')}; choose from ${allowed.join(', ')}.`,
      });
    }
  });

export const createdAdminOutput = z.object({
  userId: z.string(),
  email: z.string(),
  adminRole: adminRoleInputSchema,
  permissions: z.array(adminPermissionSchema),
});

const adminRoleSchema = z.enum(['super_admin', 'admin', 'moderator', 'support']);
const userRoleSchema = z.enum(['brand', 'streamer', 'admin']);
const permissionsSchema = z.array(z.string());

export const tokenSetOutput = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.date(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.date(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: userRoleSchema,
    adminRole: adminRoleSchema.optional(),
    permissions: permissionsSchema,
  }),
});

export const accountOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: userRoleSchema,
  emailVerified: z.boolean(),
  adminRole: adminRoleSchema.optional(),
  permissions: permissionsSchema,
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
});

const signupCounts = z.object({ brands: z.number().int(), streamers: z.number().int() });

export const signupStatsOutput = z.object({
  total: signupCounts,
  inRange: signupCounts,
  series: z.array(signupCounts.extend({ bucketStart: z.date() })),
});

const challengeTokenSchema = opaqueStringSchema({ what: 'sign-in challenge', min: 16, max: 200 });
/** A 6-digit authenticator code or a recovery code (`abcde-fghij`); spaces are ignored. */
const secondFactorCodeSchema = z
  .string({ error: 'Enter the code from your authenticator app.' })
  .max(40, 'Enter the 6-digit code or a recovery code.')
  .transform((code) => code.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .regex(
        /^(\d{6}|[a-z2-7]{5}-?[a-z2-7]{5})$/i,
        'Enter the 6-digit code from your authenticator app, or a recovery code like abcde-fghij.',
      ),
  );
const totpCodeSchema = z
  .string({ error: 'Enter the code from your authenticator app.' })
  .max(20, 'Enter the 6-digit code from your authenticator app.')
  .transform((code) => code.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

export const challengeInput = z.object({ challengeToken: challengeTokenSchema });
export const confirmEnrolmentInput = challengeInput.extend({ code: totpCodeSchema });
export const completeSignInInput = challengeInput.extend({
  code: secondFactorCodeSchema.optional(),
});
export const totpCodeInput = z.object({ code: totpCodeSchema });

const adminReasonSchema = paragraphTextSchema({
  what: 'the reason',
  min: 5,
  max: 1000,
  required: 'Say why',
  tooShort: 'Say why in at least 5 characters; it is kept in the audit log',
});
export const userIdInput = z.object({ userId: idSchema('user') });
export const userReasonInput = userIdInput.extend({ reason: adminReasonSchema });

export const userSorts = ['newest', 'oldest'] as const;
export const searchUsersInput = pageInputSchema.extend({
  search: searchTextSchema(120),
  role: userRoleSchema.optional(),
  status: z.enum(['active', 'suspended']).optional(),
  sort: z.enum(userSorts).default('newest'),
});

export const updateAdminInput = z
  .object({
    userId: idSchema('admin'),
    adminRole: adminRoleInputSchema,
    reason: adminReasonSchema,
    permissions: z
      .array(adminPermissionSchema)
      .max(adminPermissionSchema.options.length)
      .refine((flags) => new Set(flags).size === flags.length, 'Give each permission once.'),
  })
  .superRefine((input, context) => {
    const allowed: readonly string[] = defaultPermissionsByAdminRole[input.adminRole];
    const beyond = input.permissions.filter((flag) => !allowed.includes(flag));
    if (beyond.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['permissions'],
        message: `A ${input.adminRole} cannot hold ${beyond.join(', ')}; choose from ${allowed.join(', ')}.`,
      });
    }
  });

export const userSummaryOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: userRoleSchema,
  status: z.enum(['active', 'suspended']),
  emailVerified: z.boolean(),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
  failedLoginCount: z.number(),
  lockedUntil: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  suspendedReason: z.string().nullable(),
  admin: z
    .object({
      username: z.string(),
      adminRole: adminRoleSchema,
      permissions: permissionsSchema,
      twoFactorEnabled: z.boolean(),
    })
    .nullable(),
});

/** Who an account is in an admin table: an admin by first and last name, anyone else by account name. */
export const accountNamesOutput = z.array(
  z.object({
    userId: z.string(),
    role: userRoleSchema,
    name: z.string().nullable(),
    email: z.string(),
  }),
);

/** Changing one's own password: the current one (checked like a sign-in) and a new one (sign-up's rules). */
export const changePasswordInput = z.object({
  currentPassword: passwordTextSchema({
    what: 'your current password',
    min: 1,
    max: 200,
    tooShort: 'Enter your current password.',
  }),
  newPassword: newPasswordSchema,
});

/** The signed-in person's own account, for their settings page. */
export const ownAccountOutput = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: userRoleSchema,
  emailVerified: z.boolean(),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
  /** False for an account that only signs in with Google or Twitch. */
  hasPassword: z.boolean(),
  /** An admin's two-factor sign-in; null for brands and streamers, who have none. */
  twoFactorEnabled: z.boolean().nullable(),
  /** Sessions still able to refresh (this one included). */
  activeSessions: z.number().int().nonnegative(),
  /** Whether the access token names its session, so "sign out other devices" can keep this one. */
  currentSessionKnown: z.boolean(),
});

export const changePasswordOutput = z.object({
  changedAt: z.date(),
  otherSessionsEnded: z.number().int().nonnegative(),
  /** False when the token named no session: then every session ended, this one included. */
  currentSessionKept: z.boolean(),
});

export const signOutOtherSessionsOutput = z.object({
  sessionsEnded: z.number().int().nonnegative(),
});

/** One account of the old platform (`pnpm import:legacy`); see `domain/legacy-import.ts`. */
export const legacyAccountImportInput = z.object({
  legacyId: legacyIdSchema,
  email: emailSchema,
  name: personNameSchema,
  role: z.enum(['brand', 'streamer']),
  /** bcrypt's modular-crypt text, as the old platform stored it. */
  legacyPasswordHash: z
    .string()
    .regex(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/, { error: 'Not a bcrypt hash' })
    .nullable(),
  needsPasswordReset: z.boolean(),
  oauthLinks: z
    .array(
      z.object({
        provider: z.enum(['google', 'twitch']),
        providerAccountId: opaqueStringSchema({ what: 'provider account id', max: 255 }),
      }),
    )
    .max(2),
  suspended: z.boolean(),
  createdAt: instantSchema().nullable(),
});
export const legacyAccountImportOutput = z.object({
  userId: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
});
export const legacyIdsInput = z.object({ legacyIds: z.array(legacyIdSchema).min(1).max(500) });
export const importedLegacyAccountsOutput = z.array(
  z.object({ legacyId: z.string(), userId: z.string(), role: z.enum(['brand', 'streamer']) }),
);
