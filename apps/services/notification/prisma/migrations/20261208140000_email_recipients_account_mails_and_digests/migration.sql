-- Addresses are looked up at send time (identity), account mails carry identity's link by id, digests.

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('open', 'sent');

-- AlterEnum
ALTER TYPE "EmailDeliveryStatus" ADD VALUE 'skipped';

-- AlterTable
ALTER TABLE "email_deliveries" ADD COLUMN     "accountLinkId" UUID,
ALTER COLUMN "toAddress" DROP NOT NULL;

-- CreateTable
CREATE TABLE "digest_batches" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "category" VARCHAR(40) NOT NULL,
    "eventType" VARCHAR(100) NOT NULL,
    "digestKey" VARCHAR(200) NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'open',
    "lastPayload" JSONB NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "digest_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_items" (
    "eventId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digest_items_pkey" PRIMARY KEY ("eventId","userId")
);

-- CreateIndex
CREATE INDEX "digest_batches_status_dueAt_idx" ON "digest_batches"("status", "dueAt");

-- CreateIndex
CREATE INDEX "digest_items_batchId_idx" ON "digest_items"("batchId");

-- AddForeignKey
ALTER TABLE "digest_items" ADD CONSTRAINT "digest_items_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "digest_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one open digest per person and key: a new item joins it, or (while it is being sent) starts the next.
CREATE UNIQUE INDEX "digest_batches_one_open_per_key" ON "digest_batches"("userId", "digestKey") WHERE "status" = 'open';
