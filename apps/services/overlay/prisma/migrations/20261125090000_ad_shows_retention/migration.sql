-- Shown ads are deleted after a week by the retention job, which finds them by "shownAt" alone.
CREATE INDEX "ad_shows_shownAt_idx" ON "ad_shows"("shownAt");
