-- CreateTable
CREATE TABLE "streamer_targeting" (
    "streamerId" UUID NOT NULL,
    "categories" VARCHAR(40)[],
    "language" VARCHAR(8) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "followers" INTEGER NOT NULL,
    "averageViewers" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "streamer_targeting_pkey" PRIMARY KEY ("streamerId")
);
