-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

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
CREATE TABLE "streamers" (
    "id" UUID NOT NULL,
    "displayName" VARCHAR(50) NOT NULL,
    "primaryCategory" VARCHAR(40) NOT NULL,
    "secondaryCategories" VARCHAR(40)[],
    "categories" VARCHAR(40)[],
    "language" VARCHAR(8) NOT NULL,
    "rating" VARCHAR(10) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "scheduleDays" VARCHAR(3)[],
    "scheduleStartTime" VARCHAR(5),
    "scheduleEndTime" VARCHAR(5),
    "payoutMethod" VARCHAR(10),
    "payoutDetails" TEXT,
    "payoutHint" VARCHAR(120),
    "followers" INTEGER NOT NULL DEFAULT 0,
    "averageViewers" INTEGER NOT NULL DEFAULT 0,
    "live" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "streamers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "streamer_platforms" (
    "id" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "platform" VARCHAR(10) NOT NULL,
    "channelId" VARCHAR(100) NOT NULL,
    "username" VARCHAR(100) NOT NULL,
    "channelUrl" VARCHAR(300) NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "followers" INTEGER NOT NULL DEFAULT 0,
    "averageViewers" INTEGER NOT NULL DEFAULT 0,
    "totalViews" BIGINT NOT NULL DEFAULT 0,
    "monthlyHours" INTEGER NOT NULL DEFAULT 0,
    "live" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "connectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "streamer_platforms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "viewer_samples" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "viewers" INTEGER NOT NULL,
    "sampledAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "viewer_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_states" (
    "stateHash" CHAR(64) NOT NULL,
    "streamerId" UUID NOT NULL,
    "platform" VARCHAR(10) NOT NULL,
    "redirectUri" VARCHAR(500) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("stateHash")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "streamers_followers_id_idx" ON "streamers"("followers" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "streamers_averageViewers_id_idx" ON "streamers"("averageViewers" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "streamers_createdAt_id_idx" ON "streamers"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "streamers_language_idx" ON "streamers"("language");

-- CreateIndex
CREATE INDEX "streamers_country_idx" ON "streamers"("country");

-- CreateIndex
CREATE UNIQUE INDEX "streamer_platforms_streamerId_platform_key" ON "streamer_platforms"("streamerId", "platform");

-- CreateIndex
CREATE UNIQUE INDEX "streamer_platforms_platform_channelId_key" ON "streamer_platforms"("platform", "channelId");

-- CreateIndex
CREATE INDEX "viewer_samples_platformId_sampledAt_idx" ON "viewer_samples"("platformId", "sampledAt");

-- CreateIndex
CREATE INDEX "oauth_states_expiresAt_idx" ON "oauth_states"("expiresAt");

-- AddForeignKey
ALTER TABLE "viewer_samples" ADD CONSTRAINT "viewer_samples_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "streamer_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what Prisma cannot express.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Search: "any of these categories" is `categories && $1`, served by GIN.
CREATE INDEX "streamers_categories_gin" ON "streamers" USING GIN ("categories");
-- Text search on display and channel names: `searchText LIKE '%…%'`, served by trigrams.
CREATE INDEX "streamers_search_text_trgm" ON "streamers" USING GIN ("searchText" gin_trgm_ops);

ALTER TABLE "streamers"
  ADD CONSTRAINT "streamers_rating_check" CHECK ("rating" IN ('everyone', 'teen', 'mature')),
  ADD CONSTRAINT "streamers_secondary_categories_check" CHECK (cardinality("secondaryCategories") <= 5),
  ADD CONSTRAINT "streamers_payout_method_check" CHECK ("payoutMethod" IS NULL OR "payoutMethod" IN ('bank', 'paypal', 'crypto')),
  ADD CONSTRAINT "streamers_payout_pair_check" CHECK (("payoutMethod" IS NULL) = ("payoutDetails" IS NULL)),
  ADD CONSTRAINT "streamers_metrics_check" CHECK ("followers" >= 0 AND "averageViewers" >= 0);

ALTER TABLE "streamer_platforms"
  ADD CONSTRAINT "streamer_platforms_platform_check" CHECK ("platform" IN ('twitch', 'youtube', 'tiktok', 'facebook')),
  ADD CONSTRAINT "streamer_platforms_metrics_check" CHECK ("followers" >= 0 AND "averageViewers" >= 0 AND "totalViews" >= 0 AND "monthlyHours" >= 0);

ALTER TABLE "viewer_samples" ADD CONSTRAINT "viewer_samples_viewers_check" CHECK ("viewers" >= 0);
