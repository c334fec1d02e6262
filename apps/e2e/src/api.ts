import { createApiClient } from '@gametriggers/api';
import { DEMO_ADMIN_TOTP_SECRET } from '@gametriggers/devstack';
import type { ApiClient } from '@gametriggers/api';
import type { AdminCredentials } from '@gametriggers/testing';
import { signInAdminWithTotp } from '@gametriggers/testing';

export const gatewayUrl = 'http://localhost:4000';

/** The demo super admin (seeded like `pnpm dev` does), with its development authenticator secret. */
export const demoAdmin: AdminCredentials = {
  email: 'admin@demo.gametriggers.dev',
  password: 'DemoAdmin!2026',
  totpSecret: DEMO_ADMIN_TOTP_SECRET,
};

/**
 * The platform's API as a signed-in person, renewing the session as a portal does (the browser
 * tests run identity with access tokens of a few seconds).
 */
export async function apiAs(person: { email: string; password: string }): Promise<ApiClient> {
  const anonymous = createApiClient({ gatewayUrl });
  return renewingClient(anonymous, await anonymous.identity.login.mutate(person));
}

/** The platform's API as an enrolled admin, signed in with a code from their known secret. */
export async function apiAsAdmin(admin: AdminCredentials): Promise<ApiClient> {
  const anonymous = createApiClient({ gatewayUrl });
  return renewingClient(anonymous, await signInAdminWithTotp(anonymous, admin));
}

function renewingClient(
  anonymous: ApiClient,
  first: { accessToken: string; refreshToken: string },
): ApiClient {
  let session = first;
  return createApiClient({
    gatewayUrl,
    getAccessToken: () => session.accessToken,
    renewSession: async () => {
      session = await anonymous.identity.refresh.mutate({ refreshToken: session.refreshToken });
      return true;
    },
  });
}
