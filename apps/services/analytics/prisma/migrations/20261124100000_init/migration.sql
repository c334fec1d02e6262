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
CREATE TABLE "hourly_counts" (
    "participationId" UUID NOT NULL,
    "hourStart" TIMESTAMPTZ(3) NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "impressions" BIGINT NOT NULL,
    "clicks" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hourly_counts_pkey" PRIMARY KEY ("participationId","hourStart")
);

-- CreateTable
CREATE TABLE "dirty_hours" (
    "hourStart" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dirty_hours_pkey" PRIMARY KEY ("hourStart")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "hourly_counts_campaignId_hourStart_idx" ON "hourly_counts"("campaignId", "hourStart");

-- CreateIndex
CREATE INDEX "hourly_counts_streamerId_hourStart_idx" ON "hourly_counts"("streamerId", "hourStart");

-- CreateIndex
CREATE INDEX "hourly_counts_hourStart_idx" ON "hourly_counts"("hourStart");


-- Raw overlay reports, one partition per UTC day of "at" (the report's own time). The primary key
-- includes the partition key, as PostgreSQL requires; a replayed report has the same id and time.
CREATE TABLE "overlay_events" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "overlayId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "adId" VARCHAR(100),
    "participationId" UUID,
    "campaignId" UUID,
    "viewers" INTEGER,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "countable" BOOLEAN NOT NULL,
    "invalidReason" VARCHAR(30),
    CONSTRAINT "overlay_events_pkey" PRIMARY KEY ("at", "id"),
    CONSTRAINT "overlay_events_type_check" CHECK ("type" IN ('display_start', 'display_end', 'heartbeat', 'click')),
    CONSTRAINT "overlay_events_countable_check" CHECK ("countable" = ("invalidReason" IS NULL))
) PARTITION BY RANGE ("at");

-- Creates the partition holding one UTC day if it is missing; safe to call concurrently.
CREATE FUNCTION analytics_ensure_day_partition(day DATE) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    partition_name TEXT := 'overlay_events_' || to_char(day, 'YYYYMMDD');
BEGIN
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN;
    END IF;
    EXECUTE format(
        'CREATE TABLE IF NOT EXISTS %I PARTITION OF "overlay_events" FOR VALUES FROM (%L) TO (%L)',
        partition_name,
        (day::timestamp AT TIME ZONE 'UTC'),
        ((day + 1)::timestamp AT TIME ZONE 'UTC')
    );
EXCEPTION
    WHEN duplicate_table OR unique_violation THEN
        RETURN;
END;
$$;

SELECT analytics_ensure_day_partition((now() AT TIME ZONE 'UTC')::date + offset_days)
FROM generate_series(-2, 2) AS offset_days;
