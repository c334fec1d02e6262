/**
 * Rotates the access-token signing key now (it also rotates by itself every
 * SIGNING_KEY_ROTATION_DAYS). Tokens signed by the old key stay valid until they expire.
 *   DATABASE_URL=… SIGNING_KEY_SECRET=… pnpm --filter @gametriggers/identity-service rotate-signing-key
 */
import { createIdentityDb } from '../database';
import { createSigningKeyStore } from '../domain/signing-keys';

const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.SIGNING_KEY_SECRET;
if (!databaseUrl || !secret || secret.length < 32) {
  console.error('Set DATABASE_URL and SIGNING_KEY_SECRET (at least 32 characters).');
  process.exit(2);
}

const db = createIdentityDb(databaseUrl);
try {
  const keys = createSigningKeyStore({ db, secret, issuer: '', audience: '', rotationDays: 0 });
  console.warn(`New signing key ${await keys.rotate()} is active.`);
} finally {
  await db.$disconnect();
}
