-- Verification documents are uploads at the asset service: new rows carry the asset id and the
-- file's name and type as uploaded; rows from before keep their link (https) and have no asset.
ALTER TABLE "verification_documents"
  ADD COLUMN "assetId" UUID,
  ADD COLUMN "contentType" VARCHAR(100),
  ALTER COLUMN "name" SET DATA TYPE VARCHAR(255),
  ALTER COLUMN "url" DROP NOT NULL;

ALTER TABLE "verification_documents"
  ADD CONSTRAINT "verification_documents_asset_or_link" CHECK ("assetId" IS NOT NULL OR "url" IS NOT NULL);
