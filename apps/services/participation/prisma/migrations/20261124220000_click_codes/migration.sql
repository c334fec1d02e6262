-- Every participation gets its tracked short link's code; existing rows are backfilled with 16
-- random base64url characters (12 random bytes, like the service makes them).
ALTER TABLE "participations" ADD COLUMN "clickCode" VARCHAR(32);

UPDATE "participations"
SET "clickCode" = left(translate(encode(decode(md5(random()::text || clock_timestamp()::text || "id"::text), 'hex'), 'base64'), '+/=', '-_'), 16);

ALTER TABLE "participations" ALTER COLUMN "clickCode" SET NOT NULL;

CREATE UNIQUE INDEX "participations_clickCode_key" ON "participations"("clickCode");
