-- A campaign's creative is one of its brand's uploads (asset service): its id, and a thumbnail.
-- Campaigns from before uploads keep their URL with no asset (null).
ALTER TABLE "campaigns" ADD COLUMN "creativeAssetId" UUID,
ADD COLUMN "creativeThumbnailUrl" VARCHAR(2048);
