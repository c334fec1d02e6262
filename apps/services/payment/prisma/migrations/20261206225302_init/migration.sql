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
CREATE TABLE "ledger_accounts" (
    "id" BIGSERIAL NOT NULL,
    "code" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "ownerId" UUID,
    "currency" CHAR(3) NOT NULL,
    "normalBalance" VARCHAR(6) NOT NULL,
    "allowsNegative" BOOLEAN NOT NULL DEFAULT false,
    "postedDebits" BIGINT NOT NULL DEFAULT 0,
    "postedCredits" BIGINT NOT NULL DEFAULT 0,
    "pendingDebits" BIGINT NOT NULL DEFAULT 0,
    "pendingCredits" BIGINT NOT NULL DEFAULT 0,
    "version" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entries" (
    "id" BIGSERIAL NOT NULL,
    "idempotencyKey" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "phase" VARCHAR(10) NOT NULL,
    "resolvesEntryId" BIGINT,
    "requestDigest" VARCHAR(64) NOT NULL,
    "cause" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_postings" (
    "id" BIGSERIAL NOT NULL,
    "entryId" BIGINT NOT NULL,
    "accountId" BIGINT NOT NULL,
    "direction" VARCHAR(6) NOT NULL,
    "amount" BIGINT NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "balanceBefore" BIGINT NOT NULL,
    "balanceAfter" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_terms" (
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "pricingModel" VARCHAR(10) NOT NULL,
    "rateCents" BIGINT NOT NULL,
    "perStreamerCapCents" BIGINT,
    "budgetCents" BIGINT NOT NULL,
    "spentCents" BIGINT NOT NULL DEFAULT 0,
    "adjustments" INTEGER NOT NULL DEFAULT 0,
    "status" VARCHAR(10) NOT NULL DEFAULT 'reserved',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_terms_pkey" PRIMARY KEY ("campaignId")
);

-- CreateTable
CREATE TABLE "participation_hour_charges" (
    "participationId" UUID NOT NULL,
    "hourStart" TIMESTAMPTZ(3) NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "chargedCents" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "participation_hour_charges_pkey" PRIMARY KEY ("participationId","hourStart")
);

-- CreateTable
CREATE TABLE "campaign_streamer_spend" (
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "spentCents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_streamer_spend_pkey" PRIMARY KEY ("campaignId","streamerId")
);

-- CreateTable
CREATE TABLE "earnings_lots" (
    "id" BIGSERIAL NOT NULL,
    "entryId" BIGINT NOT NULL,
    "streamerId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "amountCents" BIGINT NOT NULL,
    "earnedAt" TIMESTAMPTZ(3) NOT NULL,
    "availableAt" TIMESTAMPTZ(3) NOT NULL,
    "maturedAt" TIMESTAMPTZ(3),

    CONSTRAINT "earnings_lots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_accounts_code_key" ON "ledger_accounts"("code");

-- CreateIndex
CREATE INDEX "ledger_accounts_kind_ownerId_idx" ON "ledger_accounts"("kind", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entries_idempotencyKey_key" ON "journal_entries"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entries_resolvesEntryId_key" ON "journal_entries"("resolvesEntryId");

-- CreateIndex
CREATE INDEX "journal_entries_kind_createdAt_idx" ON "journal_entries"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "ledger_postings_entryId_idx" ON "ledger_postings"("entryId");

-- CreateIndex
CREATE INDEX "ledger_postings_accountId_createdAt_id_idx" ON "ledger_postings"("accountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "campaign_terms_brandId_idx" ON "campaign_terms"("brandId");

-- CreateIndex
CREATE INDEX "participation_hour_charges_campaignId_streamerId_idx" ON "participation_hour_charges"("campaignId", "streamerId");

-- CreateIndex
CREATE INDEX "campaign_streamer_spend_streamerId_idx" ON "campaign_streamer_spend"("streamerId");

-- CreateIndex
CREATE INDEX "earnings_lots_streamerId_earnedAt_idx" ON "earnings_lots"("streamerId", "earnedAt");

-- CreateIndex
CREATE INDEX "earnings_lots_availableAt_idx" ON "earnings_lots"("availableAt");

-- AddForeignKey
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_resolvesEntryId_fkey" FOREIGN KEY ("resolvesEntryId") REFERENCES "journal_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

