-- CreateEnum
CREATE TYPE "StreamerVerificationStatus" AS ENUM ('unverified', 'pending', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "VerificationRequestStatus" AS ENUM ('pending', 'verified', 'rejected');

-- AlterTable
ALTER TABLE "streamers" ADD COLUMN     "verificationStatus" "StreamerVerificationStatus" NOT NULL DEFAULT 'unverified';

-- CreateTable
CREATE TABLE "streamer_verification_requests" (
    "id" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "displayName" VARCHAR(50) NOT NULL,
    "channels" JSONB NOT NULL,
    "note" VARCHAR(1000),
    "status" "VerificationRequestStatus" NOT NULL DEFAULT 'pending',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" UUID,
    "rejectionReason" VARCHAR(1000),

    CONSTRAINT "streamer_verification_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "streamer_verification_requests_status_requestedAt_id_idx" ON "streamer_verification_requests"("status", "requestedAt", "id");

-- CreateIndex
CREATE INDEX "streamer_verification_requests_streamerId_requestedAt_idx" ON "streamer_verification_requests"("streamerId", "requestedAt" DESC);

-- AddForeignKey
ALTER TABLE "streamer_verification_requests" ADD CONSTRAINT "streamer_verification_requests_streamerId_fkey" FOREIGN KEY ("streamerId") REFERENCES "streamers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
