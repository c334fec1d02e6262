-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer" VARCHAR(100) NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "sequence" BIGINT NOT NULL,
    "eventId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "actorRole" VARCHAR(100),
    "permission" VARCHAR(100),
    "action" VARCHAR(100) NOT NULL,
    "subjectType" VARCHAR(100) NOT NULL,
    "subjectId" VARCHAR(200) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" VARCHAR(128),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "personalDigest" CHAR(64) NOT NULL,
    "previousHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "audit_entry_personal" (
    "sequence" BIGINT NOT NULL,
    "salt" CHAR(32),
    "reason" VARCHAR(2000),
    "details" JSONB,
    "erasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "audit_entry_personal_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "keyId" VARCHAR(40) NOT NULL,
    "signature" CHAR(64) NOT NULL,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "config_versions" (
    "version" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "changedKeys" VARCHAR(60)[],
    "changedBy" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,

    CONSTRAINT "config_versions_pkey" PRIMARY KEY ("version")
);

-- CreateIndex
CREATE INDEX "outbox_events_publishedAt_occurredAt_idx" ON "outbox_events"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_eventId_key" ON "audit_entries"("eventId");

-- CreateIndex
CREATE INDEX "audit_entries_occurredAt_idx" ON "audit_entries"("occurredAt" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_actorId_sequence_idx" ON "audit_entries"("actorId", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_action_sequence_idx" ON "audit_entries"("action", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_subjectType_subjectId_sequence_idx" ON "audit_entries"("subjectType", "subjectId", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_checkpoints_signedAt_idx" ON "audit_checkpoints"("signedAt" DESC);

-- AddForeignKey
ALTER TABLE "audit_entry_personal" ADD CONSTRAINT "audit_entry_personal_sequence_fkey" FOREIGN KEY ("sequence") REFERENCES "audit_entries"("sequence") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit log is append-only: the database itself refuses to change or remove what was written.
-- (Erasing personal details goes through audit_entry_personal, which is outside the hash chain.)
CREATE FUNCTION "refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "audit_entries_no_truncate" BEFORE TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "audit_entry_personal_no_delete" BEFORE DELETE ON "audit_entry_personal"
  FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "audit_entry_personal_no_truncate" BEFORE TRUNCATE ON "audit_entry_personal"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
-- Configuration versions are history too.
CREATE TRIGGER "config_versions_append_only" BEFORE UPDATE OR DELETE ON "config_versions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();
CREATE TRIGGER "config_versions_no_truncate" BEFORE TRUNCATE ON "config_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
