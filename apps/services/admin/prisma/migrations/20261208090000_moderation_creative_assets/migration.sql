-- AlterEnum
ALTER TYPE "ModerationKind" ADD VALUE 'creative_asset';

-- AlterEnum
ALTER TYPE "ModerationStatus" ADD VALUE 'withdrawn';
