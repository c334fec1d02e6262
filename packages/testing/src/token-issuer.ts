import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  defaultPermissionsByAdminRole,
} from '@gametriggers/tokens';
import type { AdminPermission, AdminRole, UserRole } from '@gametriggers/tokens';

export const TEST_TOKEN_ISSUER = 'gametriggers-identity';
export const TEST_TOKEN_AUDIENCE = 'gametriggers';

export interface TestPerson {
  userId: string;
  email: string;
  role: UserRole;
  adminRole?: AdminRole;
  permissions: AdminPermission[];
}

/**
 * Stands in for identity's token side in a service's own tests: it serves a JWKS like identity's
 * and signs access tokens for made-up people, so the service verifies them on its real path.
 */
export async function startTestTokenIssuer() {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
    extractable: true,
  });
  const kid = randomUUID();
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' }],
  });
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(jwks);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function tokenFor(person: TestPerson): Promise<string> {
    return new SignJWT({
      email: person.email,
      role: person.role,
      ...(person.adminRole ? { adminRole: person.adminRole } : {}),
      permissions: person.permissions,
    })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(person.userId)
      .setIssuer(TEST_TOKEN_ISSUER)
      .setAudience(TEST_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(privateKey);
  }

  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    tokenFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestTokenIssuer = Awaited<ReturnType<typeof startTestTokenIssuer>>;

function person(
  role: UserRole,
  label: string,
  adminRole?: AdminRole,
  permissions: AdminPermission[] = [],
): TestPerson {
  return {
    userId: randomUUID(),
    email: `${label}@test.gametriggers.dev`,
    role,
    adminRole,
    permissions,
  };
}

/**
 * The cast of every authorization test: two brands, two streamers, and admins with every permission
 * (super admin) and with none. Fresh ids on each call.
 */
export function testCast() {
  return {
    brandA: person('brand', 'brand-a'),
    brandB: person('brand', 'brand-b'),
    streamerA: person('streamer', 'streamer-a'),
    streamerB: person('streamer', 'streamer-b'),
    superAdmin: person('admin', 'super-admin', 'super_admin', [
      ...defaultPermissionsByAdminRole.super_admin,
    ]),
    powerlessAdmin: person('admin', 'support-admin', 'support', []),
  };
}
export type TestCast = ReturnType<typeof testCast>;

/** An admin holding exactly the given permissions. */
export const adminWith = (...permissions: AdminPermission[]): TestPerson =>
  person('admin', `admin-${permissions.join('-') || 'none'}`, 'admin', permissions);
