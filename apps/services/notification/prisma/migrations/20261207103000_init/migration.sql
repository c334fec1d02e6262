-- Notification service: inboxes, preferences, email deliveries (hand-checked from the schema).

-- CreateEnum
CREATE TYPE "EmailDeliveryStatus" AS ENUM ('pending', 'sent', 'dead');

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer" VARCHAR(100) NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "category" VARCHAR(40) NOT NULL,
    "eventId" UUID NOT NULL,
    "eventType" VARCHAR(100) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(1000) NOT NULL,
    "link" VARCHAR(500),
    "inApp" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "preferences" (
    "userId" UUID NOT NULL,
    "category" VARCHAR(40) NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "preferences_pkey" PRIMARY KEY ("userId","category","channel")
);

-- CreateTable
CREATE TABLE "recipients" (
    "userId" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "role" VARCHAR(20) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "recipients_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "campaign_owners" (
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaign_owners_pkey" PRIMARY KEY ("campaignId")
);

-- CreateTable
CREATE TABLE "email_deliveries" (
    "id" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "toAddress" VARCHAR(254) NOT NULL,
    "status" "EmailDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(1000),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastAttemptAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "email_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_userId_inApp_createdAt_id_idx" ON "notifications"("userId", "inApp", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_eventId_userId_category_key" ON "notifications"("eventId", "userId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "email_deliveries_notificationId_key" ON "email_deliveries"("notificationId");

-- CreateIndex
CREATE INDEX "email_deliveries_status_createdAt_idx" ON "email_deliveries"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: values the code relies on, enforced by the database too.
ALTER TABLE "preferences" ADD CONSTRAINT "preferences_channel_check" CHECK ("channel" IN ('in_app', 'email'));
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_attempts_check" CHECK ("attempts" >= 0);
