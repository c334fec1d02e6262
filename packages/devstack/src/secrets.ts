import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './infrastructure';

export interface DevSecrets {
  SERVICE_SECRET: string;
  SIGNING_KEY_SECRET: string;
  NEXTAUTH_SECRET: string;
  /** 32 random bytes, base64: the key that encrypts streamers' OAuth tokens and payout details. */
  ENCRYPTION_KEY: string;
  /** Signs the realtime (Pusher) API calls and channel authorizations. */
  PUSHER_SECRET: string;
}

/** A fresh set of secrets (for a machine's first run, or a throwaway test platform). */
export function generateSecrets(): DevSecrets {
  const make = () => randomBytes(36).toString('base64url');
  return {
    SERVICE_SECRET: make(),
    SIGNING_KEY_SECRET: make(),
    NEXTAUTH_SECRET: make(),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUSHER_SECRET: make(),
  };
}

/**
 * Secrets for this machine's development platform, made once and kept in the git-ignored .dev/.
 * A secret added since the file was written is generated and saved beside the others.
 */
export function devSecrets(): DevSecrets {
  const file = path.join(repoRoot, '.dev', 'secrets.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>) : {};
  const secrets = { ...generateSecrets(), ...saved };
  if (Object.keys(saved).length !== Object.keys(secrets).length) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
