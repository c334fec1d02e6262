-- The campaign admins' list of every participation, newest first.
CREATE INDEX "participations_createdAt_id_idx" ON "participations"("createdAt" DESC, "id" DESC);
