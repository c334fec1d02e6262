-- CreateTable
CREATE TABLE "streamer_suspensions" (
    "streamerId" UUID NOT NULL,
    "suspended" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "streamer_suspensions_pkey" PRIMARY KEY ("streamerId")
);

