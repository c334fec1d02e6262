CREATE TABLE "outbox_events" (
  "id" UUID NOT NULL PRIMARY KEY,
  "type" VARCHAR(100) NOT NULL,
  "payload" JSONB NOT NULL,
  "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "publishedAt" TIMESTAMP(3),
  "attempts" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");
CREATE TABLE "processed_events" (
  "consumer" VARCHAR(100) NOT NULL,
  "eventId" UUID NOT NULL,
  "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("consumer", "eventId")
);
-- The state a test changes, and the effects its consumer writes.
CREATE TABLE "accounts" ("id" UUID PRIMARY KEY, "email" TEXT NOT NULL);
CREATE TABLE "ledger" ("eventId" UUID NOT NULL, "email" TEXT NOT NULL);
