import type { AssetDb } from '../database';
import type { AssetStore } from '../store/asset-store';

export interface AssetDeps {
  db: AssetDb;
  now: () => Date;
  store: AssetStore;
}
