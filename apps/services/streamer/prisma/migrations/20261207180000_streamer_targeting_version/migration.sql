-- AlterTable
ALTER TABLE "streamers" ADD COLUMN     "announcedTargeting" JSONB,
ADD COLUMN     "targetingVersion" INTEGER NOT NULL DEFAULT 0;
