-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CompanySize" AS ENUM ('startup', 'small', 'medium', 'enterprise');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('unverified', 'pending', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "VerificationRequestStatus" AS ENUM ('pending', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "VerificationDocumentKind" AS ENUM ('registration', 'tax', 'identity', 'other');

-- CreateEnum
CREATE TYPE "BrandIdentityField" AS ENUM ('companyName', 'taxId');

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
CREATE TABLE "brands" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "companyName" VARCHAR(120) NOT NULL,
    "industry" VARCHAR(80) NOT NULL,
    "companySize" "CompanySize" NOT NULL,
    "companyWebsite" VARCHAR(300),
    "contactName" VARCHAR(120) NOT NULL,
    "contactPosition" VARCHAR(80) NOT NULL,
    "contactPhone" VARCHAR(30),
    "targetAudience" VARCHAR(40)[],
    "contentCategories" VARCHAR(40)[],
    "budgetMinCents" INTEGER NOT NULL,
    "budgetMaxCents" INTEGER NOT NULL,
    "regions" VARCHAR(2)[],
    "billingLine1" VARCHAR(200) NOT NULL,
    "billingLine2" VARCHAR(200),
    "billingCity" VARCHAR(100) NOT NULL,
    "billingRegion" VARCHAR(100),
    "billingPostalCode" VARCHAR(20) NOT NULL,
    "billingCountry" VARCHAR(2) NOT NULL,
    "taxId" VARCHAR(40),
    "currency" VARCHAR(3) NOT NULL,
    "verificationStatus" "VerificationStatus" NOT NULL DEFAULT 'unverified',
    "verificationRequestedAt" TIMESTAMPTZ(3),
    "verificationDecidedAt" TIMESTAMPTZ(3),
    "verificationDecidedBy" UUID,
    "rejectionReason" VARCHAR(1000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_requests" (
    "id" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "companyName" VARCHAR(120) NOT NULL,
    "note" VARCHAR(1000),
    "status" "VerificationRequestStatus" NOT NULL DEFAULT 'pending',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" UUID,
    "rejectionReason" VARCHAR(1000),

    CONSTRAINT "verification_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_documents" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "VerificationDocumentKind" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "url" VARCHAR(500) NOT NULL,

    CONSTRAINT "verification_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brand_identity_changes" (
    "id" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "field" "BrandIdentityField" NOT NULL,
    "fromValue" VARCHAR(120),
    "toValue" VARCHAR(120),
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "brand_identity_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "brands_createdAt_id_idx" ON "brands"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "brands_verificationStatus_createdAt_id_idx" ON "brands"("verificationStatus", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "verification_requests_brandId_requestedAt_idx" ON "verification_requests"("brandId", "requestedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "verification_documents_requestId_position_key" ON "verification_documents"("requestId", "position");

-- CreateIndex
CREATE INDEX "brand_identity_changes_brandId_changedAt_idx" ON "brand_identity_changes"("brandId", "changedAt" DESC);

-- AddForeignKey
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_documents" ADD CONSTRAINT "verification_documents_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "verification_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_identity_changes" ADD CONSTRAINT "brand_identity_changes_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what Prisma cannot express.
-- At most one open verification request per brand, whatever races.
CREATE UNIQUE INDEX "verification_requests_one_pending_per_brand" ON "verification_requests"("brandId") WHERE "status" = 'pending';
ALTER TABLE "brands" ADD CONSTRAINT "brands_budget_range_check" CHECK ("budgetMinCents" >= 0 AND "budgetMinCents" <= "budgetMaxCents");
