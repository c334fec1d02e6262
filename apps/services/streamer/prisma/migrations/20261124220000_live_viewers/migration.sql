-- Live viewers as last synced, per platform and summed per streamer (for the overlay's impressions).
ALTER TABLE "streamers" ADD COLUMN "liveViewers" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "streamer_platforms" ADD COLUMN "liveViewers" INTEGER NOT NULL DEFAULT 0;
