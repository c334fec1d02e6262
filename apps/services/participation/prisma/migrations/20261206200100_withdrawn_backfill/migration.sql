-- Applications withdrawn before `withdrawn` existed were stored as `left_early`: they never joined.
UPDATE "participations" SET "status" = 'withdrawn' WHERE "status" = 'left_early' AND "joinedAt" IS NULL;
