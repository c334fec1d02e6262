-- A withdrawn application gets its own status instead of `left_early` (which means leaving a
-- campaign that ran, and starts a cool-off). The value is used by the next migration, after commit.
ALTER TYPE "ParticipationStatus" ADD VALUE 'withdrawn';
