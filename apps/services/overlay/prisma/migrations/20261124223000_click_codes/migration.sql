-- The participation's tracked short link code, from its events (rows from before stay null until
-- their next event and link to the campaign's URL meanwhile).
ALTER TABLE "delivering_participations" ADD COLUMN "clickCode" VARCHAR(32);
