import type { BrandDb } from '../database';

export interface BrandDeps {
  db: BrandDb;
  now: () => Date;
}
