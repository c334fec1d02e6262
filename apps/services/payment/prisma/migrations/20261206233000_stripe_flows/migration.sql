-- CreateTable
CREATE TABLE "stripe_events" (
    "id" VARCHAR(100) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "account" VARCHAR(100),
    "processedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_customers" (
    "brandId" UUID NOT NULL,
    "customerId" VARCHAR(100) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stripe_customers_pkey" PRIMARY KEY ("brandId")
);

-- CreateTable
CREATE TABLE "top_ups" (
    "id" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "saveCard" BOOLEAN NOT NULL,
    "checkoutSessionId" VARCHAR(100),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "top_ups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deposits" (
    "paymentIntentId" VARCHAR(100) NOT NULL,
    "brandId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "invoiceNumber" INTEGER NOT NULL,
    "source" VARCHAR(20) NOT NULL,
    "refundedCents" BIGINT NOT NULL DEFAULT 0,
    "paidAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deposits_pkey" PRIMARY KEY ("paymentIntentId")
);

-- CreateTable
CREATE TABLE "document_counters" (
    "series" VARCHAR(40) NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "document_counters_pkey" PRIMARY KEY ("series")
);

-- CreateTable
CREATE TABLE "payment_failures" (
    "eventId" VARCHAR(100) NOT NULL,
    "brandId" UUID NOT NULL,
    "paymentIntentId" VARCHAR(100) NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "code" VARCHAR(100) NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "failedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_failures_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "auto_top_ups" (
    "brandId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "thresholdCents" BIGINT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "paymentMethodId" VARCHAR(100),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "disabledReason" VARCHAR(200),
    "lastAttemptAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auto_top_ups_pkey" PRIMARY KEY ("brandId")
);

-- CreateTable
CREATE TABLE "payout_accounts" (
    "streamerId" UUID NOT NULL,
    "accountId" VARCHAR(100) NOT NULL,
    "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payout_accounts_pkey" PRIMARY KEY ("streamerId")
);

-- CreateTable
CREATE TABLE "withdrawals" (
    "id" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "status" VARCHAR(20) NOT NULL,
    "accountId" VARCHAR(100) NOT NULL,
    "transferId" VARCHAR(100),
    "payoutId" VARCHAR(100),
    "failureReason" VARCHAR(500),
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedBy" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "withdrawals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "paymentIntentId" VARCHAR(100) NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "status" VARCHAR(10) NOT NULL,
    "stripeRefundId" VARCHAR(100),
    "failureReason" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" VARCHAR(100) NOT NULL,
    "brandId" UUID NOT NULL,
    "paymentIntentId" VARCHAR(100) NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "heldCents" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "status" VARCHAR(10) NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "ranAt" TIMESTAMPTZ(3) NOT NULL,
    "eventsChecked" INTEGER NOT NULL,
    "differenceCount" INTEGER NOT NULL,
    "differences" JSONB NOT NULL,

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "stripe_customers_customerId_key" ON "stripe_customers"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "top_ups_checkoutSessionId_key" ON "top_ups"("checkoutSessionId");

-- CreateIndex
CREATE INDEX "top_ups_brandId_createdAt_idx" ON "top_ups"("brandId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "deposits_invoiceNumber_key" ON "deposits"("invoiceNumber");

-- CreateIndex
CREATE INDEX "deposits_brandId_paidAt_idx" ON "deposits"("brandId", "paidAt");

-- CreateIndex
CREATE INDEX "payment_failures_brandId_failedAt_idx" ON "payment_failures"("brandId", "failedAt");

-- CreateIndex
CREATE UNIQUE INDEX "payout_accounts_accountId_key" ON "payout_accounts"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "withdrawals_transferId_key" ON "withdrawals"("transferId");

-- CreateIndex
CREATE UNIQUE INDEX "withdrawals_payoutId_key" ON "withdrawals"("payoutId");

-- CreateIndex
CREATE INDEX "withdrawals_streamerId_requestedAt_idx" ON "withdrawals"("streamerId", "requestedAt");

-- CreateIndex
CREATE INDEX "withdrawals_status_requestedAt_idx" ON "withdrawals"("status", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_stripeRefundId_key" ON "refunds"("stripeRefundId");

-- CreateIndex
CREATE INDEX "refunds_brandId_createdAt_idx" ON "refunds"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "disputes_brandId_idx" ON "disputes"("brandId");

-- CreateIndex
CREATE INDEX "reconciliation_runs_ranAt_idx" ON "reconciliation_runs"("ranAt");

-- Amounts are whole positive cents whatever the code does.
ALTER TABLE "top_ups" ADD CONSTRAINT "top_ups_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "deposits" ADD CONSTRAINT "deposits_refunded_within_amount" CHECK ("refundedCents" >= 0 AND "refundedCents" <= "amountCents");
ALTER TABLE "auto_top_ups" ADD CONSTRAINT "auto_top_ups_amounts" CHECK ("thresholdCents" >= 0 AND "amountCents" > 0);
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amountCents" > 0);

-- CreateTable
CREATE TABLE "low_balance_alerts" (
    "brandId" UUID NOT NULL,
    "alertedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "low_balance_alerts_pkey" PRIMARY KEY ("brandId")
);
