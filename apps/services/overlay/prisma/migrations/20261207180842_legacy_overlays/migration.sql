-- AlterTable
ALTER TABLE "overlays" ADD COLUMN     "legacyStreamerId" CHAR(24),
ADD COLUMN     "legacyTokenHash" CHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "overlays_legacyStreamerId_key" ON "overlays"("legacyStreamerId");

-- CreateIndex
CREATE UNIQUE INDEX "overlays_legacyTokenHash_key" ON "overlays"("legacyTokenHash");

