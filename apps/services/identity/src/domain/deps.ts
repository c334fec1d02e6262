import type { SecretBox } from '@gametriggers/tokens/secret-box';
import type { IdentityDb } from '../database';
import type { SigningKeyStore } from './signing-keys';

export interface IdentityDeps {
  db: IdentityDb;
  keys: SigningKeyStore;
  /** Encrypts admins' TOTP secrets at rest. */
  secrets: SecretBox;
  /** The issuer authenticator apps show beside the codes. */
  totpIssuer: string;
  landingUrl: string;
  now: () => Date;
  /**
   * A refresh token used again within this window after rotation gets a fresh pair instead of
   * revoking the family: two tabs or portals refreshing at the same moment is not theft.
   */
  refreshReuseLeewayMs: number;
}
