-- CreateEnum
CREATE TYPE "AssetModeration" AS ENUM ('notRequired', 'pending', 'approved', 'rejected');

-- AlterTable
ALTER TABLE "assets" ADD COLUMN     "moderatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "moderatedBy" UUID,
ADD COLUMN     "moderation" "AssetModeration",
ADD COLUMN     "moderationReason" VARCHAR(1000);

-- Ready documents need no moderation.
UPDATE "assets" SET "moderation" = 'notRequired'
WHERE "state" IN ('ready', 'deleted') AND "checkedAt" IS NOT NULL AND "use" <> 'campaignCreative';

-- Creatives already ready go to the moderation queue as new ones do: pending, announced again by
-- `asset.ready` (the admin service queues each once; the relay publishes these rows).
UPDATE "assets" SET "moderation" = 'pending'
WHERE "state" IN ('ready', 'deleted') AND "checkedAt" IS NOT NULL AND "use" = 'campaignCreative';

INSERT INTO "outbox_events" ("id", "type", "payload", "occurredAt")
SELECT gen_random_uuid(), 'asset.ready', jsonb_build_object(
    'assetId', "id",
    'ownerId', "ownerId",
    'use', "use",
    'kind', "kind",
    'name', "name",
    'contentType', "contentType",
    'sizeBytes', "sizeBytes",
    'width', "width",
    'height', "height",
    'durationMs', "durationMs",
    'url', "url",
    'renditionUrl', "renditionUrl",
    'thumbnailUrl', "thumbnailUrl",
    'checkedAt', to_char("checkedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ), CURRENT_TIMESTAMP
FROM "assets"
WHERE "state" = 'ready' AND "use" = 'campaignCreative' AND "kind" IS NOT NULL AND "contentType" IS NOT NULL;
