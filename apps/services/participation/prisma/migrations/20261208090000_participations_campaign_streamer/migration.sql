-- A campaign's streamers in id order (the notification service's audience pages: who to tell
-- that a campaign paused or ended).
CREATE INDEX "participations_campaignId_streamerId_idx" ON "participations"("campaignId", "streamerId");
