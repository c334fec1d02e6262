import type { IdentityDb } from '../database';
import type { SigningKeyStore } from './signing-keys';

export interface IdentityDeps {
  db: IdentityDb;
  keys: SigningKeyStore;
  landingUrl: string;
  now: () => Date;
  /**
   * A refresh token used again within this window after rotation gets a fresh pair instead of
   * revoking the family: two tabs or portals refreshing at the same moment is not theft.
   */
  refreshReuseLeewayMs: number;
}
