-- CreateTable
CREATE TABLE "participation_links" (
    "participationId" UUID NOT NULL,
    "clickCode" VARCHAR(32) NOT NULL,
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "clickThroughUrl" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "participation_links_pkey" PRIMARY KEY ("participationId")
);

-- CreateTable
CREATE TABLE "link_clicks" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "visitorHash" VARCHAR(64) NOT NULL,
    "countable" BOOLEAN NOT NULL,
    "invalidReason" VARCHAR(30),

    CONSTRAINT "link_clicks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "link_clicks_countable_check" CHECK ("countable" = ("invalidReason" IS NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "participation_links_clickCode_key" ON "participation_links"("clickCode");

-- CreateIndex
CREATE INDEX "participation_links_campaignId_idx" ON "participation_links"("campaignId");

-- CreateIndex
CREATE INDEX "link_clicks_participationId_visitorHash_at_idx" ON "link_clicks"("participationId", "visitorHash", "at");

-- CreateIndex
CREATE INDEX "link_clicks_at_idx" ON "link_clicks"("at");
