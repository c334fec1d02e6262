-- Each participation's delivering state, so the campaign's participant count is a count, not a tally.
CREATE TABLE "campaign_participants" (
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "delivering" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_participants_pkey" PRIMARY KEY ("participationId")
);

CREATE INDEX "campaign_participants_campaignId_delivering_idx" ON "campaign_participants"("campaignId", "delivering");
