-- The live viewers the streamer service last synced, for ad.show and the analytics key resolution.
ALTER TABLE "streamer_live_statuses" ADD COLUMN "viewers" INTEGER NOT NULL DEFAULT 0;
