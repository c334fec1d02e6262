-- AlterEnum
ALTER TYPE "CompletionReason" ADD VALUE 'ended_by_admin';

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "closedByAdminReason" VARCHAR(1000),
ADD COLUMN     "pauseReason" VARCHAR(1000);

