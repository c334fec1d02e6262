-- CreateEnum
CREATE TYPE "ProfileModerationStatus" AS ENUM ('pending', 'approved', 'rejected');

-- AlterTable
ALTER TABLE "streamers" ADD COLUMN     "profileModeratedAt" TIMESTAMPTZ(3),
ADD COLUMN     "profileModeration" "ProfileModerationStatus",
ADD COLUMN     "profileRejectionReason" VARCHAR(1000),
ADD COLUMN     "profileSubmittedAt" TIMESTAMPTZ(3);
