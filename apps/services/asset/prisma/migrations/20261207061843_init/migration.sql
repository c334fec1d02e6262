-- CreateEnum
CREATE TYPE "AssetUse" AS ENUM ('campaignCreative', 'verificationDocument', 'kycDocument');

-- CreateEnum
CREATE TYPE "AssetAccess" AS ENUM ('public', 'private');

-- CreateEnum
CREATE TYPE "AssetState" AS ENUM ('checking', 'ready', 'refused', 'deleted');

-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('image', 'video', 'document');

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer" VARCHAR(100) NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "assets" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "use" "AssetUse" NOT NULL,
    "access" "AssetAccess" NOT NULL,
    "fileKey" VARCHAR(200) NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "claimedType" VARCHAR(120) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "state" "AssetState" NOT NULL DEFAULT 'checking',
    "refusalReason" VARCHAR(300),
    "kind" "AssetKind",
    "contentType" VARCHAR(120),
    "width" INTEGER,
    "height" INTEGER,
    "durationMs" INTEGER,
    "videoCodec" VARCHAR(40),
    "renditionKey" VARCHAR(200),
    "renditionUrl" VARCHAR(500),
    "thumbnailKey" VARCHAR(200),
    "thumbnailUrl" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "checkedAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "assets_fileKey_key" ON "assets"("fileKey");

-- CreateIndex
CREATE INDEX "assets_ownerId_createdAt_id_idx" ON "assets"("ownerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "assets_state_idx" ON "assets"("state");

