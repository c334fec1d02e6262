-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN "creativeRejectedAt" TIMESTAMPTZ(3),
ADD COLUMN "creativeRejectionReason" VARCHAR(1000);

-- CreateEnum
CREATE TYPE "ContentReportReason" AS ENUM ('inappropriate', 'misleading', 'offensive', 'broken', 'other');

-- CreateTable
CREATE TABLE "content_reports" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "reason" "ContentReportReason" NOT NULL,
    "details" VARCHAR(1000),
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "content_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "content_reports_campaignId_streamerId_key" ON "content_reports"("campaignId", "streamerId");
