// Moves every encrypted secret onto STREAMER_ENCRYPTION_ACTIVE_KEY_ID: `pnpm --filter
// @gametriggers/streamer-service reencrypt`. Rotation: add the new key to STREAMER_ENCRYPTION_KEYS,
// make it active, restart the service, run this, then remove the old key.
import { createStreamerDb } from '../database';
import { reencryptSecrets } from '../domain/reencrypt';
import { createSecretBox, parseEncryptionKeys } from '../domain/secret-box';
import { readStreamerEnv } from '../env';

try {
  const env = readStreamerEnv();
  const db = createStreamerDb(env.DATABASE_URL);
  const secrets = createSecretBox(
    parseEncryptionKeys(env.STREAMER_ENCRYPTION_KEYS),
    env.STREAMER_ENCRYPTION_ACTIVE_KEY_ID,
  );
  const result = await reencryptSecrets(db, secrets);
  console.warn(
    `Re-encrypted under key "${secrets.activeKeyId}": ${result.payouts} payout details, ${result.platformTokens} platform token rows.`,
  );
  await db.$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
