-- CreateIndex
-- The two-factor migration, merged first, already creates this index.
CREATE INDEX IF NOT EXISTS "User_role_createdAt_idx" ON "User"("role", "createdAt");

