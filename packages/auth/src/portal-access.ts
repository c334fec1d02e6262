import type { UserRole } from '@gametriggers/tokens';

export type PortalAccess =
  { kind: 'sign-in' } | { kind: 'wrong-portal'; actualRole: UserRole } | { kind: 'allow' };

const roles: readonly string[] = ['brand', 'streamer', 'admin'];

/** The role in a decoded session token, if it carries a usable session at all. */
export function sessionRoleOf(
  token: Record<string, unknown> | null | undefined,
): UserRole | undefined {
  if (!token || token.error === 'RefreshFailed') return undefined;
  const user = token.user as { role?: unknown } | undefined;
  const role = user?.role;
  return typeof role === 'string' && roles.includes(role) ? (role as UserRole) : undefined;
}

/** What a portal does with a request: send to sign in, explain it is the wrong portal, or serve it. */
export function decidePortalAccess(
  portalRole: UserRole,
  token: Record<string, unknown> | null | undefined,
): PortalAccess {
  const actualRole = sessionRoleOf(token);
  if (!actualRole) return { kind: 'sign-in' };
  if (actualRole !== portalRole) return { kind: 'wrong-portal', actualRole };
  return { kind: 'allow' };
}
