import { TRPCClientError, createApiClient } from '@gametriggers/api';
import { createServiceTokenSource } from '@gametriggers/tokens';
import type { NextAuthOptions, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { SESSION_COOKIE } from './cookie-names';
import { SESSION_MAX_AGE_SECONDS, secureCookiesFor, sessionCookieOptions } from './session-cookie';
import { createSessionRefresher, sessionFrom } from './session-refresh';
import { safeRedirect } from './portals';
import type { Portal, PortalUrls } from './portals';
import type { SessionTokens, SessionUser } from './session-tokens';
import { accountLockedMessage, needsRefresh, signInErrorMessage } from './session-tokens';
import { secondStepByReason, secondStepSignal } from './second-step';

export interface OidcProviderConfig {
  clientId: string;
  clientSecret: string;
  /** The provider's issuer; its `/.well-known/openid-configuration` is read from there. */
  issuer: string;
}

export interface AuthOptionsConfig {
  portal: Portal;
  gatewayUrl: string;
  secret: string;
  serviceSecret: string;
  portals: PortalUrls;
  google?: OidcProviderConfig | undefined;
  twitch?: OidcProviderConfig | undefined;
  /** e.g. `.gametriggers.com`, so every portal subdomain shares the session. */
  cookieDomain?: string | undefined;
  /** Reads the role cookie during an OAuth callback (next/headers is not importable here). */
  readSignupRole?: () => Promise<string | undefined>;
  /** Epoch milliseconds; tests fix it. */
  now?: () => number;
}

interface OidcProfile {
  sub: string;
  email: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

function oidcProvider(
  id: 'google' | 'twitch',
  name: string,
  config: OidcProviderConfig,
): OAuthConfig<OidcProfile> {
  return {
    id,
    name,
    type: 'oauth',
    wellKnown: `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email,
      name: profile.name ?? profile.preferred_username ?? null,
      emailVerified: profile.email_verified === true,
    }),
  };
}

function readableError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as
      | {
          reason?: string;
          details?: { lockedUntil?: Date | string; challengeToken?: string };
        }
      | undefined;
    const secondStep = data?.reason ? secondStepByReason[data.reason] : undefined;
    if (secondStep && data?.details?.challengeToken)
      return secondStepSignal({ kind: secondStep, challengeToken: data.details.challengeToken });
    if (data?.reason === 'account_locked')
      return accountLockedMessage(data.details?.lockedUntil, error.message);
    return signInErrorMessage(data?.reason, error.message);
  }
  return 'We could not sign you in right now. Try again in a moment.';
}

/** The seed's `createAuthOptions(userType)`: one next-auth configuration for every portal. */
export function createAuthOptions(config: AuthOptionsConfig): NextAuthOptions {
  const anonymousApi = createApiClient({ gatewayUrl: config.gatewayUrl });
  const serviceApi = createApiClient({
    gatewayUrl: config.gatewayUrl,
    getServiceToken: createServiceTokenSource(config.serviceSecret, `portal-${config.portal}`),
  });
  const now = config.now ?? Date.now;
  const refreshSession = createSessionRefresher({ gatewayUrl: config.gatewayUrl, now });

  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { type: 'email' },
        password: { type: 'password' },
        // An admin's second step: the challenge their password earned, and the code.
        challengeToken: { type: 'text' },
        code: { type: 'text' },
      },
      async authorize(credentials) {
        try {
          const tokens = credentials?.challengeToken
            ? await anonymousApi.identity.twoFactor.completeSignIn.mutate({
                challengeToken: credentials.challengeToken,
                code: credentials.code || undefined,
              })
            : await anonymousApi.identity.login.mutate({
                email: credentials?.email ?? '',
                password: credentials?.password ?? '',
              });
          return {
            id: tokens.user.id,
            email: tokens.user.email,
            name: tokens.user.name,
            tokens: sessionFrom(tokens, now()),
          } as User;
        } catch (error) {
          // next-auth puts the message in the sign-in page's `error` parameter.
          throw new Error(readableError(error));
        }
      },
    }),
  ];
  if (config.twitch) providers.push(oidcProvider('twitch', 'Twitch', config.twitch));
  if (config.google) providers.push(oidcProvider('google', 'Google', config.google));

  /** Only where next-auth can write the cookie (its route handler): see `portalSession`. */
  async function refreshed(token: JWT & Partial<SessionTokens>): Promise<JWT> {
    const outcome = await refreshSession(token.refreshToken);
    if (outcome.kind === 'refreshed') return { ...token, ...outcome.tokens, error: undefined };
    if (outcome.kind === 'ended') return { ...token, error: 'RefreshFailed' };
    return token;
  }

  return {
    secret: config.secret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    providers,
    pages: {
      signIn: `${config.portals.landing}/sign-in`,
      error: `${config.portals.landing}/sign-in`,
    },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: sessionCookieOptions({
          secure: secureCookiesFor(config.portals.landing),
          domain: config.cookieDomain,
        }),
      },
    },
    callbacks: {
      async jwt({ token, user, account }) {
        if (user && account?.type === 'credentials') {
          return { ...token, ...(user as User & { tokens: SessionTokens }).tokens };
        }
        if (user && account && (account.provider === 'twitch' || account.provider === 'google')) {
          const role = await config.readSignupRole?.();
          const tokens = await serviceApi.identity.oauthSignIn.mutate({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user.email ?? '',
            emailVerified: (user as User & { emailVerified?: boolean }).emailVerified === true,
            name: user.name ?? undefined,
            role: role === 'brand' || role === 'streamer' ? role : undefined,
          });
          return { ...token, ...sessionFrom(tokens, now()) };
        }
        const current = token as JWT & Partial<SessionTokens>;
        if (
          current.accessTokenExpiresAt &&
          !current.error &&
          needsRefresh(
            {
              accessTokenExpiresAt: current.accessTokenExpiresAt,
              accessTokenIssuedAt: current.accessTokenIssuedAt,
            },
            now(),
          )
        ) {
          return refreshed(current);
        }
        return token;
      },
      session({ session, token }) {
        const current = token as JWT & Partial<SessionTokens>;
        return {
          ...session,
          user: current.user as SessionUser,
          accessToken: current.accessToken,
          error: current.error,
        };
      },
      redirect({ url, baseUrl }) {
        // A path stays here; another of our portals is fine; anything else goes home.
        return safeRedirect(url, baseUrl, config.portals);
      },
    },
    events: {
      async signOut({ token }) {
        const refreshToken = (token as JWT & Partial<SessionTokens>).refreshToken;
        if (refreshToken)
          await anonymousApi.identity.logout.mutate({ refreshToken }).catch(() => undefined);
      },
    },
  };
}
