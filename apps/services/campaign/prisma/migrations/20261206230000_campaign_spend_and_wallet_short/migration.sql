-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "spentCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "walletShortByCents" INTEGER;
