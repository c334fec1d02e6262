-- Hand-written (the schema diff cannot run on migrations with CHECK constraints offline).
-- The postings check, one query instead of four, planned for each statement.
--
-- The four static queries of the statement trigger were planned once per connection, at its first
-- INSERT of postings (usually a two-posting entry on near-empty tables), and that plan was kept:
-- it hashed the whole of "journal_entries" for every statement, so the check of a 3,000-posting
-- batch grew with the journal (6 ms at 20k entries, ~30 ms at 100k). Now one query per statement
-- (EXECUTE: planned for this statement's postings and the tables' present size) groups the postings
-- by entry and looks each entry and each distinct account up by its primary key (LATERAL … LIMIT 1
-- keeps these as index probes whatever the tables' sizes), so its cost follows the rows written,
-- not the journal's size. The rules are the same, refused in the same order with the same messages:
-- a posting to a missing entry or to an entry of an earlier transaction, an entry whose postings
-- in the statement do not sum to zero or are fewer than two, a posting to a missing account, an
-- entry mixing currencies.

CREATE OR REPLACE FUNCTION "ledger_refuse_late_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  refused record;
BEGIN
  EXECUTE $check$
    WITH "accounts" AS MATERIALIZED (
      -- Each distinct account once (a batch of a thousand charges names about fifty).
      SELECT d."accountId", a."currency"
        FROM (SELECT DISTINCT p."accountId" FROM "inserted_postings" p) d
        LEFT JOIN LATERAL (
          SELECT l."currency" FROM "ledger_accounts" l WHERE l."id" = d."accountId" LIMIT 1
        ) a ON true
    )
    SELECT g."entryId", g."net", g."postings", g."missingAccount", g."mixed", e."mine"
      FROM (
        SELECT i."entryId",
               SUM(CASE i."direction" WHEN 'debit' THEN i."amount" ELSE -i."amount" END) AS "net",
               COUNT(*) AS "postings",
               MIN(i."accountId") FILTER (WHERE a."currency" IS NULL) AS "missingAccount",
               MIN(a."currency") <> MAX(a."currency") AS "mixed"
          FROM "inserted_postings" i
          JOIN "accounts" a ON a."accountId" = i."accountId"
         GROUP BY i."entryId"
      ) g
      LEFT JOIN LATERAL (
        SELECT j."xmin" = pg_current_xact_id()::xid AS "mine"
          FROM "journal_entries" j WHERE j."id" = g."entryId" LIMIT 1
      ) e ON true
     WHERE e."mine" IS NOT TRUE OR g."net" <> 0 OR g."postings" < 2
        OR g."missingAccount" IS NOT NULL OR g."mixed"
     ORDER BY e."mine" IS NOT TRUE DESC, (g."net" <> 0 OR g."postings" < 2) DESC,
              g."missingAccount" IS NOT NULL DESC, g."entryId"
     LIMIT 1
  $check$ INTO refused;
  IF refused IS NULL THEN
    RETURN NULL;
  END IF;
  IF refused."mine" IS NOT TRUE THEN
    RAISE EXCEPTION 'posting to journal entry % that does not exist or was written by an earlier transaction', refused."entryId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF refused."net" <> 0 OR refused."postings" < 2 THEN
    RAISE EXCEPTION 'journal entry % is unbalanced: the % postings written to it sum to % (an entry''s postings are written together and sum to zero)', refused."entryId", refused."postings", refused."net"
      USING ERRCODE = 'check_violation';
  END IF;
  IF refused."missingAccount" IS NOT NULL THEN
    RAISE EXCEPTION 'posting to ledger account % that does not exist', refused."missingAccount" USING ERRCODE = 'foreign_key_violation';
  END IF;
  RAISE EXCEPTION 'journal entry % mixes currencies', refused."entryId" USING ERRCODE = 'check_violation';
END;
$$;
