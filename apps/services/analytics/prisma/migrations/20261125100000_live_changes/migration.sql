-- CreateTable
CREATE TABLE "live_changes" (
    "streamerId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "live" BOOLEAN NOT NULL,
    "viewers" INTEGER NOT NULL,

    CONSTRAINT "live_changes_pkey" PRIMARY KEY ("streamerId","at")
);
