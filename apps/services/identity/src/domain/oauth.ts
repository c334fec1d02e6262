import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityDeps } from './deps';
import type { TokenSet } from './token-sets';
import { issueTokenSet } from './token-sets';

export interface OAuthProfile {
  provider: 'google' | 'twitch';
  providerAccountId: string;
  email: string;
  emailVerified: boolean;
  name?: string | undefined;
  /** The role chosen at sign-up; Twitch sign-ins default to streamer, others to brand. */
  role?: 'brand' | 'streamer' | undefined;
}

/**
 * Finds or creates the account behind an OAuth sign-in. A provider account already linked wins;
 * otherwise an existing account with the same email is linked only when the provider vouches for
 * that email, so nobody can take over an account by registering its address elsewhere.
 */
export async function oauthSignIn(deps: IdentityDeps, profile: OAuthProfile): Promise<TokenSet> {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const linked = await tx.oAuthAccount.findUnique({
      where: {
        provider_providerAccountId: {
          provider: profile.provider,
          providerAccountId: profile.providerAccountId,
        },
      },
      include: { user: { include: { admin: true } } },
    });
    if (linked) {
      const user = await tx.user.update({
        where: { id: linked.userId },
        data: { lastLoginAt: now },
        include: { admin: true },
      });
      return issueTokenSet(tx, deps, user);
    }

    const existing = await tx.user.findUnique({
      where: { email: profile.email },
      include: { admin: true },
    });
    if (existing && !profile.emailVerified) {
      throw new DomainError(
        'conflict',
        'email_taken',
        `An account with ${profile.email} exists. Sign in with your password, then link ${profile.provider}.`,
      );
    }
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email: profile.email,
          name: profile.name ?? null,
          role: profile.role ?? (profile.provider === 'twitch' ? 'streamer' : 'brand'),
          emailVerifiedAt: profile.emailVerified ? now : null,
        },
        include: { admin: true },
      }));
    await tx.oAuthAccount.create({
      data: {
        userId: user.id,
        provider: profile.provider,
        providerAccountId: profile.providerAccountId,
      },
    });
    if (!existing) {
      await recordEvent(tx, 'user.registered', {
        userId: user.id,
        email: user.email,
        role: user.role,
      });
    }
    const signedIn = await tx.user.update({
      where: { id: user.id },
      data: {
        lastLoginAt: now,
        emailVerifiedAt: user.emailVerifiedAt ?? (profile.emailVerified ? now : null),
      },
      include: { admin: true },
    });
    return issueTokenSet(tx, deps, signedIn);
  });
}
