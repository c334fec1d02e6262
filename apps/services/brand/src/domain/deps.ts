import type { DocumentAssets } from '../clients/document-assets';
import type { BrandDb } from '../database';

export interface BrandDeps {
  db: BrandDb;
  now: () => Date;
  /** The asset service, asked whether an uploaded document may be attached to a request. */
  documents: DocumentAssets;
}
