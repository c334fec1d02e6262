-- CreateTable
CREATE TABLE "LegacyAccount" (
    "legacyId" CHAR(24) NOT NULL,
    "userId" UUID NOT NULL,
    "legacyPasswordHash" VARCHAR(60),
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegacyAccount_pkey" PRIMARY KEY ("legacyId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LegacyAccount_userId_key" ON "LegacyAccount"("userId");

-- AddForeignKey
ALTER TABLE "LegacyAccount" ADD CONSTRAINT "LegacyAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

