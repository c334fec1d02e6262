-- Discovery reads a page of ids in sort order from one index alone (an index-only scan): every
-- column it filters on is carried in the index, so rows that do not match never touch the wide
-- table rows. The page's rows are then fetched by id. These replace the plain sort indexes.
DROP INDEX IF EXISTS "campaigns_active_newest";
DROP INDEX IF EXISTS "campaigns_active_highest_rate";
DROP INDEX IF EXISTS "campaigns_active_ending_soon";
DROP INDEX IF EXISTS "campaigns_active_budget_left";

CREATE INDEX "campaigns_active_newest" ON "campaigns" ("startsAt" DESC, "id" DESC)
  INCLUDE ("endsAt", "remainingBudgetCents", "rateCents", "pricingModel", "minFollowers", "minAverageViewers", "categories", "languages", "regions")
  WHERE "status" = 'active';
CREATE INDEX "campaigns_active_highest_rate" ON "campaigns" ("rateCents" DESC, "id" DESC)
  INCLUDE ("startsAt", "endsAt", "remainingBudgetCents", "pricingModel", "minFollowers", "minAverageViewers", "categories", "languages", "regions")
  WHERE "status" = 'active';
CREATE INDEX "campaigns_active_ending_soon" ON "campaigns" ("endsAt", "id")
  INCLUDE ("startsAt", "remainingBudgetCents", "rateCents", "pricingModel", "minFollowers", "minAverageViewers", "categories", "languages", "regions")
  WHERE "status" = 'active';
CREATE INDEX "campaigns_active_budget_left" ON "campaigns" ("remainingBudgetCents" DESC, "id" DESC)
  INCLUDE ("startsAt", "endsAt", "rateCents", "pricingModel", "minFollowers", "minAverageViewers", "categories", "languages", "regions")
  WHERE "status" = 'active';
