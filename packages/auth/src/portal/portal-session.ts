import type { AdminPermission, UserRole } from '@gametriggers/tokens';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authOptionsFromEnv } from '../auth-options-from-env';
import { portalUrlsFrom } from '../portals';
import { portalSession, serverApi } from '../server';
import { RETURN_TO_HEADER, renewUrl, signInUrl } from '../session-routes';
import { actionErrorOf } from './action-result';
import type { ActionResult } from './action-result';
import { renewOnUnauthorized } from './renew-on-unauthorized';

/**
 * The signed-in person of a portal, for server components and server actions: the session, the
 * API as them, and server actions' outcomes as data. The portal pages and the shared server
 * actions (which cannot import the pages) both build on it.
 */
export function createPortalSession(role: UserRole) {
  const authOptions = () => authOptionsFromEnv(role, process.env);
  const landingUrl = () => portalUrlsFrom(process.env).landing;

  /** The page being served (set by the portal middleware), to come back to. */
  async function returnTo() {
    return (await headers()).get(RETURN_TO_HEADER) ?? undefined;
  }

  /** The signed-in person; without a usable session, sign in and come back here. */
  async function requireSession() {
    const session = await portalSession(authOptions());
    if (!session) redirect(signInUrl(landingUrl(), await returnTo()).href);
    return session;
  }

  /**
   * An admin page's guard: the signed-in admin holds at least one of these permissions, or is shown
   * the refusal page. The services refuse the calls anyway; this keeps the page from half-rendering.
   */
  async function requirePermission(...anyOf: AdminPermission[]) {
    const session = await requireSession();
    if (!anyOf.some((permission) => session.user.permissions.includes(permission))) {
      redirect(`/forbidden?${new URLSearchParams({ need: anyOf.join(',') })}`);
    }
    return session;
  }

  /**
   * The API as the signed-in person, for server components and server actions. A call the API
   * refuses as unauthenticated (the token expired after the middleware looked) renews the session
   * and comes back, instead of showing an error.
   */
  async function sessionApi() {
    const api = serverApi(await requireSession());
    const back = renewUrl(await returnTo());
    return renewOnUnauthorized(api, () => redirect(back));
  }

  /**
   * Runs an API call for a server action and reports its outcome as data, so a refused call shows
   * its message (and per-field errors) in the form instead of an error page.
   */
  async function act<T>(
    work: (api: Awaited<ReturnType<typeof sessionApi>>) => Promise<T>,
  ): Promise<ActionResult<T>> {
    const api = await sessionApi();
    try {
      return { ok: true, data: await work(api) };
    } catch (error) {
      return { ok: false, error: actionErrorOf(error) };
    }
  }

  /** The signed-in account as identity knows it (what sign-up collected). */
  async function signedInAccount() {
    return (await sessionApi()).identity.me.query();
  }

  return {
    authOptions,
    landingUrl,
    requireSession,
    requirePermission,
    sessionApi,
    act,
    signedInAccount,
  };
}
export type PortalSessionKit = ReturnType<typeof createPortalSession>;
