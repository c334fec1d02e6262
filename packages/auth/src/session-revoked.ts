import { TRPCClientError } from '@gametriggers/api';

/** What the check needs of the API client: the signed-in person's own account. */
export interface AccountReader {
  identity: { me: { query: () => Promise<unknown> } };
}

/**
 * Whether the session has ended since its access token was issued: the gateway refuses the token
 * of a suspended account at once (`session_revoked`), identity refuses the account itself
 * (FORBIDDEN). A token that merely expired is not an ending (the middleware renews it on the next
 * page); an outage is thrown, not guessed at. For what a portal signs outside the API with the
 * session cookie, which outlives a suspension until its token expires (Pusher channel auth).
 */
export async function isSessionRevoked(api: AccountReader): Promise<boolean> {
  try {
    await api.identity.me.query();
    return false;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { code?: string; reason?: string } | undefined;
    if (data?.reason === 'session_revoked' || data?.code === 'FORBIDDEN') return true;
    if (data?.code === 'UNAUTHORIZED') return false;
    throw error;
  }
}
