import { createApiClient } from '@gametriggers/api';
import type { ApiClient } from '@gametriggers/api';

export const gatewayUrl = 'http://localhost:4000';

/**
 * The platform's API as a signed-in person, renewing the session as a portal does (the browser
 * tests run identity with access tokens of a few seconds).
 */
export async function apiAs(person: { email: string; password: string }): Promise<ApiClient> {
  const anonymous = createApiClient({ gatewayUrl });
  let session = await anonymous.identity.login.mutate(person);
  return createApiClient({
    gatewayUrl,
    getAccessToken: () => session.accessToken,
    renewSession: async () => {
      session = await anonymous.identity.refresh.mutate({ refreshToken: session.refreshToken });
      return true;
    },
  });
}
