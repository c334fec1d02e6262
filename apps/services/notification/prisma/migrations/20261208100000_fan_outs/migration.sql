-- Fan-outs: one event told to an audience read a page at a time; the row is the resumable checkpoint.

-- CreateEnum
CREATE TYPE "FanOutStatus" AS ENUM ('running', 'done', 'skipped');

-- CreateTable
CREATE TABLE "fan_outs" (
    "eventId" UUID NOT NULL,
    "category" VARCHAR(40) NOT NULL,
    "eventType" VARCHAR(100) NOT NULL,
    "audience" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "query" JSONB,
    "cursor" VARCHAR(500),
    "exhausted" BOOLEAN NOT NULL DEFAULT false,
    "status" "FanOutStatus" NOT NULL DEFAULT 'running',
    "pendingPush" UUID[],
    "pages" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "pushed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "fan_outs_pkey" PRIMARY KEY ("eventId","category")
);

-- CreateIndex
CREATE INDEX "fan_outs_status_idx" ON "fan_outs"("status");
