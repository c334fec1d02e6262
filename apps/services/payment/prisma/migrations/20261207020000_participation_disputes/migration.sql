-- Hand-written (the schema diff cannot run on migrations with CHECK constraints offline).
-- A dispute between a brand and a streamer over one participation's earnings.
CREATE TABLE "participation_disputes" (
    "id" UUID NOT NULL,
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "openedBy" VARCHAR(10) NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "evidenceText" VARCHAR(4000) NOT NULL,
    "evidenceLinks" TEXT[] NOT NULL,
    "responseText" VARCHAR(4000),
    "responseLinks" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "respondedAt" TIMESTAMPTZ(3),
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "heldPendingCents" BIGINT NOT NULL,
    "heldAvailableCents" BIGINT NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "outcome" VARCHAR(10),
    "streamerCents" BIGINT,
    "brandCents" BIGINT,
    "resolutionReason" VARCHAR(500),
    "resolvedBy" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "participation_disputes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "participation_disputes_opened_by" CHECK ("openedBy" IN ('brand', 'streamer')),
    CONSTRAINT "participation_disputes_status" CHECK ("status" IN ('open', 'resolved')),
    CONSTRAINT "participation_disputes_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('release', 'refund', 'split')),
    CONSTRAINT "participation_disputes_held" CHECK ("heldPendingCents" >= 0 AND "heldAvailableCents" >= 0),
    CONSTRAINT "participation_disputes_resolution" CHECK (
      ("status" = 'open' AND "outcome" IS NULL AND "resolvedAt" IS NULL)
      OR ("status" = 'resolved' AND "outcome" IS NOT NULL AND "resolvedAt" IS NOT NULL
          AND "streamerCents" + "brandCents" = "heldPendingCents" + "heldAvailableCents"))
);

-- One open dispute per participation, whoever opened it and however many race.
CREATE UNIQUE INDEX "participation_disputes_one_open" ON "participation_disputes"("participationId") WHERE "status" = 'open';
CREATE INDEX "participation_disputes_brandId_createdAt_id_idx" ON "participation_disputes"("brandId", "createdAt", "id");
CREATE INDEX "participation_disputes_streamerId_createdAt_id_idx" ON "participation_disputes"("streamerId", "createdAt", "id");
CREATE INDEX "participation_disputes_status_createdAt_id_idx" ON "participation_disputes"("status", "createdAt", "id");

-- Earnings a dispute holds: pending ones do not mature while held, and none is held twice.
ALTER TABLE "earnings_lots" ADD COLUMN "heldByDisputeId" UUID;
