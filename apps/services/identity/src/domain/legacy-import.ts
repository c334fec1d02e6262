import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityTx } from '../database';
import type { IdentityDeps } from './deps';
import { mailTokenLink } from './email-links';
import { endAllSessions } from './users';

/** One account of the old platform, as `pnpm import:legacy` maps it (issue 14). */
export interface LegacyAccountImport {
  legacyId: string;
  email: string;
  name: string;
  role: 'brand' | 'streamer';
  legacyPasswordHash: string | null;
  needsPasswordReset: boolean;
  oauthLinks: Array<{ provider: 'google' | 'twitch'; providerAccountId: string }>;
  suspended: boolean;
  createdAt: Date | null;
}

export type LegacyImportOutcome = 'created' | 'updated' | 'unchanged';

const SUSPENDED_ON_OLD_PLATFORM = 'Suspended on the old platform before the move.';

const refusal = (code: string, message: string) => new DomainError('conflict', code, message);

async function linkOAuthAccounts(
  tx: IdentityTx,
  userId: string,
  links: LegacyAccountImport['oauthLinks'],
) {
  let linked = 0;
  for (const link of links) {
    const holder = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: link },
    });
    if (holder?.userId === userId) continue;
    if (holder) {
      throw refusal(
        'oauth_account_taken',
        `This ${link.provider} account already signs in to another account.`,
      );
    }
    await tx.oAuthAccount.create({ data: { userId, ...link } });
    linked += 1;
  }
  return linked;
}

/**
 * Creates the account an old user becomes, or brings an imported one level with a later export:
 * keyed by the old id (unique), so running the import again, or resuming it, makes nothing twice.
 * A password the old platform hashed with bcrypt is kept aside until the first sign-in checks it;
 * an account with neither a usable password nor an OAuth link is mailed a reset link once, when made.
 */
export async function importLegacyAccount(
  deps: IdentityDeps,
  input: LegacyAccountImport,
): Promise<{ userId: string; outcome: LegacyImportOutcome }> {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    // Two imports of one old account at once (a resumed run beside a stuck one) wait for each other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`legacy-account:${input.legacyId}`}))`;
    const existing = await tx.legacyAccount.findUnique({
      where: { legacyId: input.legacyId },
      include: { user: true },
    });
    if (existing)
      return { userId: existing.userId, outcome: await updateImported(tx, now, existing, input) };

    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw refusal('email_taken', 'An account with this email already exists on the platform.');
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        // The old platform is where these people proved their address: they used it.
        emailVerifiedAt: now,
        isActive: !input.suspended,
        suspendedAt: input.suspended ? now : null,
        suspendedReason: input.suspended ? SUSPENDED_ON_OLD_PLATFORM : null,
        createdAt: input.createdAt ?? now,
      },
    });
    await tx.legacyAccount.create({
      data: {
        legacyId: input.legacyId,
        userId: user.id,
        legacyPasswordHash: input.legacyPasswordHash,
      },
    });
    await linkOAuthAccounts(tx, user.id, input.oauthLinks);
    await recordEvent(tx, 'user.registered', {
      userId: user.id,
      email: user.email,
      role: user.role,
    });
    if (input.needsPasswordReset && user.isActive)
      await mailTokenLink(tx, deps, user, 'password_reset');
    return { userId: user.id, outcome: 'created' as const };
  });
}

async function updateImported(
  tx: IdentityTx,
  now: Date,
  existing: {
    legacyId: string;
    legacyPasswordHash: string | null;
    user: {
      id: string;
      email: string;
      name: string | null;
      role: 'brand' | 'streamer' | 'admin';
      isActive: boolean;
      passwordHash: string | null;
    };
  },
  input: LegacyAccountImport,
): Promise<LegacyImportOutcome> {
  const { user } = existing;
  if (user.role !== input.role) {
    throw refusal(
      'role_changed',
      `This account is a ${user.role} here; the old platform now says ${input.role}.`,
    );
  }
  let changed = (await linkOAuthAccounts(tx, user.id, input.oauthLinks)) > 0;
  if (user.email !== input.email) {
    const holder = await tx.user.findUnique({ where: { email: input.email } });
    if (holder)
      throw refusal('email_taken', 'An account with this email already exists on the platform.');
  }
  if (user.email !== input.email || user.name !== input.name) {
    await tx.user.update({
      where: { id: user.id },
      data: { email: input.email, name: input.name },
    });
    changed = true;
  }
  // A password changed on the old platform counts until the person has signed in here once.
  if (user.passwordHash === null && existing.legacyPasswordHash !== input.legacyPasswordHash) {
    await tx.legacyAccount.update({
      where: { legacyId: existing.legacyId },
      data: { legacyPasswordHash: input.legacyPasswordHash },
    });
    changed = true;
  }
  if (input.suspended === user.isActive) {
    changed = true;
    if (input.suspended) {
      await tx.user.update({
        where: { id: user.id },
        data: { isActive: false, suspendedAt: now, suspendedReason: SUSPENDED_ON_OLD_PLATFORM },
      });
      await endAllSessions(tx, user.id, 'suspended', now);
      await recordEvent(tx, 'user.suspended', {
        userId: user.id,
        role: user.role,
        suspendedAt: now.toISOString(),
      });
    } else {
      await tx.user.update({
        where: { id: user.id },
        data: { isActive: true, suspendedAt: null, suspendedReason: null },
      });
      await recordEvent(tx, 'user.reactivated', { userId: user.id, role: user.role });
    }
  }
  return changed ? 'updated' : 'unchanged';
}

/** The accounts earlier imports made for these old ids (unknown ids are left out). */
export async function importedLegacyAccounts(deps: IdentityDeps, legacyIds: string[]) {
  const rows = await deps.db.legacyAccount.findMany({
    where: { legacyId: { in: legacyIds } },
    select: { legacyId: true, userId: true, user: { select: { role: true } } },
  });
  return rows.flatMap(({ legacyId, userId, user }) =>
    user.role === 'admin' ? [] : [{ legacyId, userId, role: user.role }],
  );
}
