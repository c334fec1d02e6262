-- Hand-written (the schema diff cannot run on migrations with CHECK constraints offline).
-- The ledger's checks made set-based: the charge path writes thousands of postings a second, and
-- per-row foreign-key lookups were half the cost of writing them.

-- Postings: their entry and account are checked by the statement trigger below instead.
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_entryId_fkey";
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_accountId_fkey";

-- Entries are read through their postings (by account) or their key; an index by kind only slowed
-- every insert.
DROP INDEX "journal_entries_kind_createdAt_idx";

-- `void` also records a hold of nothing (a dispute opened on an empty wallet), not only a hold's end.
ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_void_resolves";

-- Balanced entries, checked at commit for every entry: one index lookup each.
CREATE OR REPLACE FUNCTION "ledger_refuse_unbalanced_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  net numeric;
  postings integer;
BEGIN
  SELECT COALESCE(SUM(CASE p."direction" WHEN 'debit' THEN p."amount" ELSE -p."amount" END), 0), COUNT(*)
    INTO net, postings
    FROM "ledger_postings" p
   WHERE p."entryId" = NEW."id";
  IF net <> 0 THEN
    RAISE EXCEPTION 'journal entry % (%) is unbalanced: its postings sum to %', NEW."id", NEW."idempotencyKey", net
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."phase" <> 'void' AND postings < 2 THEN
    RAISE EXCEPTION 'journal entry % (%) has % postings; a movement needs at least two', NEW."id", NEW."idempotencyKey", postings
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

-- Once per INSERT of postings: each names an existing entry written by this same transaction (a
-- posting added later would unbalance an entry already checked) and an existing account, and no
-- entry mixes currencies.
CREATE OR REPLACE FUNCTION "ledger_refuse_late_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  refused bigint;
BEGIN
  SELECT i."entryId" INTO refused
    FROM "inserted_postings" i LEFT JOIN "journal_entries" e ON e."id" = i."entryId"
   WHERE e."id" IS NULL OR e."xmin" <> pg_current_xact_id()::xid
   LIMIT 1;
  IF refused IS NOT NULL THEN
    RAISE EXCEPTION 'posting to journal entry % that does not exist or was written by an earlier transaction', refused
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT i."accountId" INTO refused
    FROM "inserted_postings" i LEFT JOIN "ledger_accounts" a ON a."id" = i."accountId"
   WHERE a."id" IS NULL
   LIMIT 1;
  IF refused IS NOT NULL THEN
    RAISE EXCEPTION 'posting to ledger account % that does not exist', refused USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT i."entryId" INTO refused
    FROM "inserted_postings" i JOIN "ledger_accounts" a ON a."id" = i."accountId"
   GROUP BY i."entryId" HAVING COUNT(DISTINCT a."currency") > 1
   LIMIT 1;
  IF refused IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % mixes currencies', refused USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

-- Accounts are never deleted (their postings refer to them).
CREATE TRIGGER "ledger_accounts_never_deleted"
  BEFORE DELETE ON "ledger_accounts"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_accounts_no_truncate"
  BEFORE TRUNCATE ON "ledger_accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
