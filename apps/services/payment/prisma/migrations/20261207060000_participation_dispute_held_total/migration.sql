-- Hand-written (the schema diff cannot run on migrations with CHECK constraints offline).
-- What a dispute holds in all, kept by PostgreSQL, so the admins' queue can sort and page by it.
ALTER TABLE "participation_disputes"
  ADD COLUMN "heldCents" BIGINT GENERATED ALWAYS AS ("heldPendingCents" + "heldAvailableCents") STORED NOT NULL;

CREATE INDEX "participation_disputes_status_heldCents_id_idx" ON "participation_disputes"("status", "heldCents", "id");
