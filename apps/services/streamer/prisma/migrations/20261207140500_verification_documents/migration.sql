-- Optional KYC documents of a verification request: the streamer's uploads at the asset service.
-- CreateEnum
CREATE TYPE "KycDocumentKind" AS ENUM ('identity', 'address', 'other');

-- CreateTable
CREATE TABLE "streamer_verification_documents" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "KycDocumentKind" NOT NULL,
    "assetId" UUID NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "contentType" VARCHAR(100),

    CONSTRAINT "streamer_verification_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "streamer_verification_documents_requestId_position_key" ON "streamer_verification_documents"("requestId", "position");

-- AddForeignKey
ALTER TABLE "streamer_verification_documents" ADD CONSTRAINT "streamer_verification_documents_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "streamer_verification_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;
