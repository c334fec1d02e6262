-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'pending_review', 'active', 'paused', 'completed', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "CreativeType" AS ENUM ('image', 'video');

-- CreateEnum
CREATE TYPE "PricingModel" AS ENUM ('cpm', 'cpc', 'fixed');

-- CreateEnum
CREATE TYPE "JoinMode" AS ENUM ('open', 'approval');

-- CreateEnum
CREATE TYPE "CompletionReason" AS ENUM ('budget_spent', 'target_reached', 'end_date', 'inactive', 'ended_by_brand');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('brand', 'admin');

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
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "brandName" VARCHAR(200),
    "title" VARCHAR(120) NOT NULL,
    "description" VARCHAR(5000) NOT NULL,
    "creativeType" "CreativeType" NOT NULL,
    "creativeUrl" VARCHAR(2048) NOT NULL,
    "creativeAltText" VARCHAR(300),
    "clickThroughUrl" VARCHAR(2048) NOT NULL,
    "categories" TEXT[],
    "languages" TEXT[],
    "regions" TEXT[],
    "minFollowers" INTEGER NOT NULL DEFAULT 0,
    "minAverageViewers" INTEGER NOT NULL DEFAULT 0,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "remainingBudgetCents" INTEGER NOT NULL,
    "pricingModel" "PricingModel" NOT NULL,
    "rateCents" INTEGER NOT NULL,
    "perStreamerCapCents" INTEGER,
    "maxParticipants" INTEGER,
    "adDurationSeconds" INTEGER NOT NULL,
    "minMinutesBetweenShows" INTEGER NOT NULL,
    "maxShowsPerHour" INTEGER NOT NULL,
    "joinMode" "JoinMode" NOT NULL DEFAULT 'open',
    "gkeyCooloffHours" INTEGER NOT NULL DEFAULT 720,
    "targetImpressions" INTEGER,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "submittedAt" TIMESTAMPTZ(3),
    "approvedAt" TIMESTAMPTZ(3),
    "approvedBy" UUID,
    "rejectedAt" TIMESTAMPTZ(3),
    "rejectedBy" UUID,
    "rejectionReason" VARCHAR(1000),
    "launchedAt" TIMESTAMPTZ(3),
    "pausedAt" TIMESTAMPTZ(3),
    "pausedBy" "ActorKind",
    "completedAt" TIMESTAMPTZ(3),
    "completedReason" "CompletionReason",
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelledBy" "ActorKind",
    "activeParticipantCount" INTEGER NOT NULL DEFAULT 0,
    "lastParticipantLeftAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "campaigns_brandId_createdAt_id_idx" ON "campaigns"("brandId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "campaigns_status_createdAt_id_idx" ON "campaigns"("status", "createdAt", "id");


-- Hand-written: rules the database enforces whatever the code does.
ALTER TABLE "campaigns"
  ADD CONSTRAINT "campaigns_schedule_order" CHECK ("endsAt" > "startsAt"),
  ADD CONSTRAINT "campaigns_categories_count" CHECK (cardinality("categories") BETWEEN 1 AND 5),
  ADD CONSTRAINT "campaigns_budget_positive" CHECK ("budgetCents" > 0),
  ADD CONSTRAINT "campaigns_remaining_budget_range" CHECK ("remainingBudgetCents" BETWEEN 0 AND "budgetCents"),
  ADD CONSTRAINT "campaigns_rate_positive" CHECK ("rateCents" > 0),
  ADD CONSTRAINT "campaigns_participants_nonnegative" CHECK ("activeParticipantCount" >= 0),
  ADD CONSTRAINT "campaigns_counters_nonnegative" CHECK ("impressions" >= 0 AND "clicks" >= 0);

-- Discovery: only active campaigns are ever discovered, so its indexes cover just those rows.
-- Targeting arrays: overlap/containment through GIN.
CREATE INDEX "campaigns_active_categories_gin" ON "campaigns" USING GIN ("categories") WHERE "status" = 'active';
CREATE INDEX "campaigns_active_languages_gin" ON "campaigns" USING GIN ("languages") WHERE "status" = 'active';
CREATE INDEX "campaigns_active_regions_gin" ON "campaigns" USING GIN ("regions") WHERE "status" = 'active';
-- One ordered index per discovery sort, so a page is read in order and stops at the limit.
CREATE INDEX "campaigns_active_newest" ON "campaigns" ("startsAt" DESC, "id" DESC) WHERE "status" = 'active';
CREATE INDEX "campaigns_active_highest_rate" ON "campaigns" ("rateCents" DESC, "id" DESC) WHERE "status" = 'active';
CREATE INDEX "campaigns_active_ending_soon" ON "campaigns" ("endsAt", "id") WHERE "status" = 'active';
CREATE INDEX "campaigns_active_budget_left" ON "campaigns" ("remainingBudgetCents" DESC, "id" DESC) WHERE "status" = 'active';
-- The completion sweep and the launch safety net read live campaigns only.
CREATE INDEX "campaigns_live_ends" ON "campaigns" ("endsAt") WHERE "status" IN ('active', 'paused');
