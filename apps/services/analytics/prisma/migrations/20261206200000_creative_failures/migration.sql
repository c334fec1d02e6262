-- CreateTable
CREATE TABLE "creative_failures" (
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "lastFailedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "creative_failures_pkey" PRIMARY KEY ("participationId")
);

-- CreateIndex
CREATE INDEX "creative_failures_campaignId_lastFailedAt_idx" ON "creative_failures"("campaignId", "lastFailedAt");

-- CreateIndex
CREATE INDEX "creative_failures_streamerId_lastFailedAt_idx" ON "creative_failures"("streamerId", "lastFailedAt");
