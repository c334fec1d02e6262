-- CreateEnum
CREATE TYPE "ModerationKind" AS ENUM ('campaign_creative');

-- CreateEnum
CREATE TYPE "ModerationStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "ContentReportReason" AS ENUM ('inappropriate', 'misleading', 'offensive', 'broken', 'other');

-- CreateTable
CREATE TABLE "moderation_items" (
    "id" UUID NOT NULL,
    "kind" "ModerationKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "content" JSONB NOT NULL,
    "contentSubmittedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ModerationStatus" NOT NULL DEFAULT 'pending',
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "lastReportedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" UUID,
    "decisionReason" VARCHAR(1000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "moderation_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_reports" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "reason" "ContentReportReason" NOT NULL,
    "details" VARCHAR(1000),
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "content_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "moderation_items_status_createdAt_id_idx" ON "moderation_items"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "moderation_items_status_reportCount_idx" ON "moderation_items"("status", "reportCount");

-- CreateIndex
CREATE UNIQUE INDEX "moderation_items_kind_subjectId_key" ON "moderation_items"("kind", "subjectId");

-- CreateIndex
CREATE INDEX "content_reports_itemId_reportedAt_idx" ON "content_reports"("itemId", "reportedAt");

-- AddForeignKey
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "moderation_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

