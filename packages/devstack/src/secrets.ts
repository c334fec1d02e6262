import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './infrastructure';

export interface DevSecrets {
  SERVICE_SECRET: string;
  SIGNING_KEY_SECRET: string;
  NEXTAUTH_SECRET: string;
}

/** Secrets for this machine's development platform, made once and kept in the git-ignored .dev/. */
export function devSecrets(): DevSecrets {
  const file = path.join(repoRoot, '.dev', 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const make = () => randomBytes(36).toString('base64url');
  const secrets = { SERVICE_SECRET: make(), SIGNING_KEY_SECRET: make(), NEXTAUTH_SECRET: make() };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
