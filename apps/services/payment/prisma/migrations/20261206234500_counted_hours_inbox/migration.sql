-- Hand-written (the schema diff cannot run on migrations with CHECK constraints offline).
-- CreateTable
CREATE TABLE "counted_hours_inbox" (
    "id" BIGSERIAL NOT NULL,
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "hourStart" TIMESTAMPTZ(3) NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "counted_hours_inbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "counted_hours_inbox_campaignId_id_idx" ON "counted_hours_inbox"("campaignId", "id");
