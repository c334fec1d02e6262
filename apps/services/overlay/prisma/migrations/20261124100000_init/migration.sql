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
CREATE TABLE "overlays" (
    "id" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "keyHash" CHAR(64) NOT NULL,
    "keyPrefix" VARCHAR(16) NOT NULL,
    "keyGeneratedAt" TIMESTAMPTZ(3) NOT NULL,
    "corner" VARCHAR(20) NOT NULL DEFAULT 'bottom_right',
    "size" VARCHAR(10) NOT NULL DEFAULT 'medium',
    "opacity" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "animation" VARCHAR(10) NOT NULL DEFAULT 'fade',
    "showSeconds" INTEGER NOT NULL DEFAULT 15,
    "breakSeconds" INTEGER NOT NULL DEFAULT 300,
    "maxAdsPerHour" INTEGER NOT NULL DEFAULT 6,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "rotationStrategy" VARCHAR(20) NOT NULL DEFAULT 'fair',
    "rotationIntervalSeconds" INTEGER NOT NULL DEFAULT 600,
    "weights" JSONB NOT NULL DEFAULT '{"rate":1,"ctr":1,"fairness":1}',
    "timeZone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "blackouts" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "overlays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ad_shows" (
    "id" UUID NOT NULL,
    "overlayId" UUID NOT NULL,
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "shownAt" TIMESTAMPTZ(3) NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "hiddenAt" TIMESTAMPTZ(3),
    "test" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ad_shows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivering_participations" (
    "participationId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "delivering" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivering_participations_pkey" PRIMARY KEY ("participationId")
);

-- CreateTable
CREATE TABLE "campaign_delivery_states" (
    "campaignId" UUID NOT NULL,
    "halted" BOOLEAN NOT NULL,
    "ended" BOOLEAN NOT NULL DEFAULT false,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_delivery_states_pkey" PRIMARY KEY ("campaignId")
);

-- CreateTable
CREATE TABLE "streamer_live_statuses" (
    "streamerId" UUID NOT NULL,
    "live" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "streamer_live_statuses_pkey" PRIMARY KEY ("streamerId")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "overlays_streamerId_key" ON "overlays"("streamerId");

-- CreateIndex
CREATE UNIQUE INDEX "overlays_keyHash_key" ON "overlays"("keyHash");

-- CreateIndex
CREATE INDEX "ad_shows_overlayId_shownAt_idx" ON "ad_shows"("overlayId", "shownAt");

-- CreateIndex
CREATE INDEX "ad_shows_overlayId_participationId_shownAt_idx" ON "ad_shows"("overlayId", "participationId", "shownAt");

-- CreateIndex
CREATE INDEX "delivering_participations_streamerId_delivering_idx" ON "delivering_participations"("streamerId", "delivering");

-- CreateIndex
CREATE INDEX "delivering_participations_campaignId_idx" ON "delivering_participations"("campaignId");

-- AddForeignKey
ALTER TABLE "ad_shows" ADD CONSTRAINT "ad_shows_overlayId_fkey" FOREIGN KEY ("overlayId") REFERENCES "overlays"("id") ON DELETE CASCADE ON UPDATE CASCADE;

