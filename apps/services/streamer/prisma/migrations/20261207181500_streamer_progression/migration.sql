-- CreateEnum
CREATE TYPE "ProgressionParticipationStatus" AS ENUM ('active', 'left', 'removed');

-- AlterTable
ALTER TABLE "streamers" ADD COLUMN     "reputation" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "streamer_progressions" (
    "streamerId" UUID NOT NULL,
    "countedImpressions" BIGINT NOT NULL DEFAULT 0,
    "completedCampaigns" INTEGER NOT NULL DEFAULT 0,
    "fraudRemovals" INTEGER NOT NULL DEFAULT 0,
    "violationRemovals" INTEGER NOT NULL DEFAULT 0,
    "importedExperience" INTEGER NOT NULL DEFAULT 0,
    "importedLevel" INTEGER NOT NULL DEFAULT 1,
    "importedReputation" INTEGER NOT NULL DEFAULT 0,
    "importedLongestStreak" INTEGER NOT NULL DEFAULT 0,
    "importedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "streamer_progressions_pkey" PRIMARY KEY ("streamerId")
);

-- CreateTable
CREATE TABLE "streamer_activity_days" (
    "streamerId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "countedImpressions" INTEGER NOT NULL DEFAULT 0,
    "imported" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "streamer_activity_days_pkey" PRIMARY KEY ("streamerId","day")
);

-- CreateTable
CREATE TABLE "progression_hour_counts" (
    "participationId" UUID NOT NULL,
    "hourStart" TIMESTAMPTZ(3) NOT NULL,
    "streamerId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "revision" INTEGER NOT NULL,
    "impressions" INTEGER NOT NULL,

    CONSTRAINT "progression_hour_counts_pkey" PRIMARY KEY ("participationId","hourStart")
);

-- CreateTable
CREATE TABLE "progression_participations" (
    "participationId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "status" "ProgressionParticipationStatus" NOT NULL DEFAULT 'active',
    "countedImpressions" BIGINT NOT NULL DEFAULT 0,
    "completionCredited" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "progression_participations_pkey" PRIMARY KEY ("participationId")
);

-- CreateTable
CREATE TABLE "progression_completed_campaigns" (
    "campaignId" UUID NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "progression_completed_campaigns_pkey" PRIMARY KEY ("campaignId")
);

-- CreateIndex
CREATE INDEX "progression_participations_campaignId_idx" ON "progression_participations"("campaignId");

-- CreateIndex
CREATE INDEX "streamers_reputation_idx" ON "streamers"("reputation");

