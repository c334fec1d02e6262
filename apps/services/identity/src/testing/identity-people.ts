import { enrolAdmin, signInAdminWithTotp } from '@gametriggers/testing';
import type { TestPerson } from '@gametriggers/testing';
import type { AdminPermission, AdminRole } from '@gametriggers/tokens';
import { createAccessTokenVerifier, signServiceToken } from '@gametriggers/tokens';
import type { createTRPCClient } from '@trpc/client';
import type { z } from 'zod';
import type { IdentityDeps } from '../domain/deps';
import type { IdentityRouter } from '../router';
import type { createAdminInput, seedUserInput } from '../schemas';

type IdentityClient = ReturnType<typeof createTRPCClient<IdentityRouter>>;

export interface IdentityPeopleContext {
  client: (headers?: () => Record<string, string>) => IdentityClient;
  deps: IdentityDeps;
  jwksUrl: string;
  serviceSecret: string;
  now: () => Date;
}

/** The super admin every identity test can sign in: its authenticator key is known. */
export const rootAdmin = {
  email: 'root@example.com',
  password: 'a strong password 1',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
} as const;

const personPassword = 'a strong password 1';
const adminPassword = 'another strong password';

/**
 * The people identity's tests act as, made through identity's own procedures: the seed fixture,
 * the root super admin, brands and streamers signed in, admins created (and enrolled) by a super
 * admin. Emails and usernames are numbered per harness, so tests in one file never collide.
 */
export function identityPeople(context: IdentityPeopleContext) {
  let counter = 0;

  /** The API as the holder of this access token; anonymous without one. */
  const as = (accessToken?: string) =>
    context.client((): Record<string, string> =>
      accessToken ? { authorization: `Bearer ${accessToken}` } : {},
    );

  /** An account straight in the database, verified, through the services-only seed fixture. */
  async function seed(input: z.input<typeof seedUserInput>) {
    const token = await signServiceToken(context.serviceSecret, 'devstack');
    return context
      .client(() => ({ 'x-service-token': token }))
      .identity.seedDemoUser.mutate(input);
  }

  /** Seeds the root super admin and signs it in with a TOTP code. */
  async function signInRootAdmin() {
    const { userId } = await seed({ ...rootAdmin, name: 'Root Admin', role: 'admin' });
    const tokens = await signInAdminWithTotp(context.client(), rootAdmin, context.now);
    return { ...rootAdmin, userId, token: tokens.accessToken, tokens };
  }

  /** A brand or streamer, seeded and signed in with its password. */
  async function signedInPerson(role: 'brand' | 'streamer') {
    counter += 1;
    const person = {
      email: `${role}-${counter}@example.com`,
      password: personPassword,
      name: `Person ${counter}`,
      role,
    };
    const { userId } = await seed(person);
    const session = await context.client().identity.login.mutate(person);
    return { ...person, userId, session };
  }

  /** What a super admin fills in to create an admin (a moderator unless told otherwise). */
  function adminInput(overrides: Partial<z.input<typeof createAdminInput>> = {}) {
    counter += 1;
    return {
      email: `admin-${counter}@example.com`,
      password: adminPassword,
      username: `admin${counter}`,
      firstName: 'Grace',
      lastName: 'Hopper',
      adminRole: 'moderator' as AdminRole,
      ...overrides,
    };
  }

  /** An admin created by the super admin holding `superAdminToken`, not enrolled yet. */
  async function createdAdmin(
    superAdminToken: string,
    overrides: { adminRole?: AdminRole; permissions?: AdminPermission[] } = {},
  ) {
    const input = adminInput(overrides);
    const created = await as(superAdminToken).identity.admin.create.mutate(input);
    return { ...input, userId: created.userId };
  }

  /** An admin created, enrolled at its first sign-in and signed in. */
  async function enrolledAdmin(
    superAdminToken: string,
    overrides: { adminRole?: AdminRole; permissions?: AdminPermission[] } = {},
  ) {
    const admin = await createdAdmin(superAdminToken, overrides);
    const enrolment = await enrolAdmin(context.client(), admin, context.now);
    return { ...admin, ...enrolment, token: enrolment.tokens.accessToken };
  }

  /** An access token signed with identity's own key for a made-up person (no account needed). */
  async function signedAs(person: TestPerson) {
    const { token } = await context.deps.keys.signAccessToken({
      sub: person.userId,
      email: person.email,
      role: person.role,
      ...(person.adminRole ? { adminRole: person.adminRole } : {}),
      permissions: person.permissions,
    });
    return token;
  }

  /** The claims of a token identity issued, verified against its JWKS. */
  function claimsOf(accessToken: string) {
    return createAccessTokenVerifier({
      jwksUrl: context.jwksUrl,
      issuer: 'gametriggers-identity',
      audience: 'gametriggers',
      now: context.now,
    }).verify(accessToken);
  }

  /** The admin actions recorded (in the outbox) for this action on this subject. */
  async function auditOf(action: string, subjectId: string) {
    const records = await context.deps.db.outboxEvent.findMany({
      where: {
        type: 'admin.action_recorded',
        AND: [
          { payload: { path: ['action'], equals: action } },
          { payload: { path: ['subject', 'id'], equals: subjectId } },
        ],
      },
    });
    return records.map((record) => record.payload);
  }

  return {
    as,
    seed,
    signInRootAdmin,
    signedInPerson,
    adminInput,
    createdAdmin,
    enrolledAdmin,
    signedAs,
    claimsOf,
    auditOf,
  };
}
export type IdentityPeople = ReturnType<typeof identityPeople>;
