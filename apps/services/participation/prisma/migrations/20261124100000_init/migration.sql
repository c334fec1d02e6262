-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ParticipationStatus" AS ENUM ('pending', 'active', 'paused', 'completed', 'left_early', 'removed', 'rejected');

-- CreateEnum
CREATE TYPE "JoinMode" AS ENUM ('open', 'approval');

-- CreateEnum
CREATE TYPE "RemovalReason" AS ENUM ('violation', 'fraud', 'admin_decision', 'brand_decision');

-- CreateEnum
CREATE TYPE "GKeyState" AS ENUM ('available', 'locked', 'cooloff');

-- CreateEnum
CREATE TYPE "ConflictRuleType" AS ENUM ('category_exclusivity', 'brand_exclusivity', 'cooldown', 'simultaneous_limit');

-- CreateEnum
CREATE TYPE "RuleSeverity" AS ENUM ('blocking', 'warning', 'advisory');

-- CreateEnum
CREATE TYPE "ViolationOutcome" AS ENUM ('refused', 'acknowledged', 'logged', 'overridden');

-- CreateEnum
CREATE TYPE "JoinAttempt" AS ENUM ('join', 'apply', 'approve');

-- CreateTable
CREATE TABLE "participations" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "status" "ParticipationStatus" NOT NULL,
    "joinMode" "JoinMode" NOT NULL,
    "gkeyCategory" VARCHAR(40),
    "campaignTitle" VARCHAR(200) NOT NULL,
    "campaignCategories" VARCHAR(40)[],
    "gkeyCooloffHours" INTEGER NOT NULL,
    "streamerDisplayName" VARCHAR(100) NOT NULL,
    "streamerFollowers" INTEGER NOT NULL,
    "streamerAverageViewers" INTEGER NOT NULL,
    "applicationMessage" TEXT,
    "warningsAcknowledged" BOOLEAN NOT NULL DEFAULT false,
    "rejectionReason" TEXT,
    "removalReason" "RemovalReason",
    "removalNote" TEXT,
    "forfeitEarnings" BOOLEAN,
    "decidedBy" UUID,
    "appliedAt" TIMESTAMPTZ(3),
    "joinedAt" TIMESTAMPTZ(3),
    "pausedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "participations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gkeys" (
    "streamerId" UUID NOT NULL,
    "category" VARCHAR(40) NOT NULL,
    "state" "GKeyState" NOT NULL DEFAULT 'available',
    "campaignId" UUID,
    "campaignTitle" VARCHAR(200),
    "brandId" UUID,
    "participationId" UUID,
    "cooloffUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gkeys_pkey" PRIMARY KEY ("streamerId","category")
);

-- CreateTable
CREATE TABLE "energy_packs" (
    "streamerId" UUID NOT NULL,
    "day" VARCHAR(10) NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "timezone" VARCHAR(64) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "energy_packs_pkey" PRIMARY KEY ("streamerId")
);

-- CreateTable
CREATE TABLE "conflict_rules" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "type" "ConflictRuleType" NOT NULL,
    "severity" "RuleSeverity" NOT NULL,
    "params" JSONB NOT NULL,
    "scope" JSONB NOT NULL,
    "activeFrom" TIMESTAMPTZ(3),
    "activeUntil" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "createdBy" UUID NOT NULL,
    "updatedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conflict_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_violations" (
    "id" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "severity" "RuleSeverity" NOT NULL,
    "outcome" "ViolationOutcome" NOT NULL,
    "attempt" "JoinAttempt" NOT NULL,
    "message" TEXT NOT NULL,
    "overriddenBy" UUID,
    "overriddenAt" TIMESTAMPTZ(3),
    "overrideNote" TEXT,
    "overrideUsedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rule_violations_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "participations_streamerId_createdAt_id_idx" ON "participations"("streamerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "participations_streamerId_status_idx" ON "participations"("streamerId", "status");

-- CreateIndex
CREATE INDEX "participations_campaignId_createdAt_id_idx" ON "participations"("campaignId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "participations_campaignId_status_idx" ON "participations"("campaignId", "status");

-- CreateIndex
CREATE INDEX "conflict_rules_disabledAt_idx" ON "conflict_rules"("disabledAt");

-- CreateIndex
CREATE INDEX "rule_violations_createdAt_id_idx" ON "rule_violations"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "rule_violations_ruleId_createdAt_idx" ON "rule_violations"("ruleId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "rule_violations_streamerId_campaignId_idx" ON "rule_violations"("streamerId", "campaignId");

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- AddForeignKey
ALTER TABLE "rule_violations" ADD CONSTRAINT "rule_violations_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "conflict_rules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what Prisma cannot express.

-- One live or pending participation per streamer and campaign: the last line of defence against a
-- double join racing past the checks.
CREATE UNIQUE INDEX "participations_one_live_per_streamer_campaign"
  ON "participations"("streamerId", "campaignId")
  WHERE "status" IN ('pending', 'active', 'paused');

-- A key holds at most one live participation.
CREATE UNIQUE INDEX "participations_one_live_per_key"
  ON "participations"("streamerId", "gkeyCategory")
  WHERE "status" IN ('active', 'paused');

ALTER TABLE "energy_packs" ADD CONSTRAINT "energy_packs_used_range" CHECK ("used" >= 0 AND "used" <= 10);

ALTER TABLE "gkeys" ADD CONSTRAINT "gkeys_state_consistent" CHECK (
  ("state" = 'available' AND "cooloffUntil" IS NULL)
  OR ("state" = 'locked' AND "campaignId" IS NOT NULL AND "participationId" IS NOT NULL AND "cooloffUntil" IS NULL)
  OR ("state" = 'cooloff' AND "campaignId" IS NOT NULL AND "brandId" IS NOT NULL AND "cooloffUntil" IS NOT NULL)
);
