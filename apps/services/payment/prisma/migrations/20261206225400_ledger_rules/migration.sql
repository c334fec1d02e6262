-- Hand-written: the ledger's rules, enforced by the database whatever the code does.

ALTER TABLE "ledger_accounts"
  ADD CONSTRAINT "ledger_accounts_kind" CHECK ("kind" IN ('clearing', 'brand_wallet', 'campaign_escrow',
    'streamer_pending', 'streamer_available', 'platform_fees', 'payouts_in_transit', 'disputes_held')),
  ADD CONSTRAINT "ledger_accounts_normal_balance" CHECK ("normalBalance" IN ('debit', 'credit')),
  ADD CONSTRAINT "ledger_accounts_currency" CHECK ("currency" ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT "ledger_accounts_sums_nonnegative" CHECK (
    "postedDebits" >= 0 AND "postedCredits" >= 0 AND "pendingDebits" >= 0 AND "pendingCredits" >= 0),
  -- Only the clearing account (the world side) may go negative; every liability keeps debits
  -- (posted, and those held by pending holds) within its posted credits.
  ADD CONSTRAINT "ledger_accounts_no_negative_liability" CHECK (
    "allowsNegative" OR "postedCredits" - "postedDebits" - "pendingDebits" >= 0),
  ADD CONSTRAINT "ledger_accounts_only_clearing_negative" CHECK (NOT "allowsNegative" OR "kind" = 'clearing');

ALTER TABLE "journal_entries"
  ADD CONSTRAINT "journal_entries_phase" CHECK ("phase" IN ('posted', 'pending', 'void')),
  ADD CONSTRAINT "journal_entries_void_resolves" CHECK ("phase" <> 'void' OR "resolvesEntryId" IS NOT NULL);

ALTER TABLE "ledger_postings"
  ADD CONSTRAINT "ledger_postings_direction" CHECK ("direction" IN ('debit', 'credit')),
  ADD CONSTRAINT "ledger_postings_amount_positive" CHECK ("amount" > 0);

ALTER TABLE "campaign_terms"
  ADD CONSTRAINT "campaign_terms_pricing_model" CHECK ("pricingModel" IN ('cpm', 'cpc', 'fixed')),
  ADD CONSTRAINT "campaign_terms_amounts" CHECK (
    "rateCents" >= 0 AND "budgetCents" >= 0 AND "spentCents" >= 0 AND "spentCents" <= "budgetCents"
    AND ("perStreamerCapCents" IS NULL OR "perStreamerCapCents" > 0)),
  ADD CONSTRAINT "campaign_terms_status" CHECK ("status" IN ('reserved', 'released'));

ALTER TABLE "participation_hour_charges"
  -- Revision 0: the row exists, no count applied yet (first and concurrent counts meet on it).
  ADD CONSTRAINT "participation_hour_charges_counts" CHECK (
    "revision" >= 0 AND "impressions" >= 0 AND "clicks" >= 0 AND "chargedCents" >= 0);

ALTER TABLE "campaign_streamer_spend"
  ADD CONSTRAINT "campaign_streamer_spend_nonnegative" CHECK ("spentCents" >= 0);

ALTER TABLE "earnings_lots"
  ADD CONSTRAINT "earnings_lots_amount_positive" CHECK ("amountCents" > 0);

-- Balanced entries: checked at commit, once every posting of the entry is written.
CREATE FUNCTION "ledger_refuse_unbalanced_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  net numeric;
  postings integer;
  currencies integer;
BEGIN
  SELECT COALESCE(SUM(CASE p."direction" WHEN 'debit' THEN p."amount" ELSE -p."amount" END), 0),
         COUNT(*), COUNT(DISTINCT a."currency")
    INTO net, postings, currencies
    FROM "ledger_postings" p JOIN "ledger_accounts" a ON a."id" = p."accountId"
   WHERE p."entryId" = NEW."id";
  IF net <> 0 THEN
    RAISE EXCEPTION 'journal entry % (%) is unbalanced: its postings sum to %', NEW."id", NEW."idempotencyKey", net
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."phase" <> 'void' AND postings < 2 THEN
    RAISE EXCEPTION 'journal entry % (%) has % postings; a movement needs at least two', NEW."id", NEW."idempotencyKey", postings
      USING ERRCODE = 'check_violation';
  END IF;
  IF currencies > 1 THEN
    RAISE EXCEPTION 'journal entry % (%) mixes currencies', NEW."id", NEW."idempotencyKey"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "journal_entries_balanced"
  AFTER INSERT ON "journal_entries"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_unbalanced_entry"();

-- A posting added later to an entry written earlier would unbalance it: postings join their entry
-- in the transaction that wrote the entry, never after. (One set-based check per statement.)
CREATE FUNCTION "ledger_refuse_late_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  late bigint;
BEGIN
  SELECT i."entryId" INTO late
    FROM "inserted_postings" i JOIN "journal_entries" e ON e."id" = i."entryId"
   WHERE e."xmin" <> pg_current_xact_id()::xid
   LIMIT 1;
  IF late IS NOT NULL THEN
    RAISE EXCEPTION 'posting to journal entry % outside the transaction that wrote it', late
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ledger_postings_same_transaction"
  AFTER INSERT ON "ledger_postings"
  REFERENCING NEW TABLE AS "inserted_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_late_postings"();

-- Entries and postings are immutable.
CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused (correct a mistake with a new entry)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "journal_entries_append_only"
  BEFORE UPDATE OR DELETE ON "journal_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "journal_entries_no_truncate"
  BEFORE TRUNCATE ON "journal_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_postings_append_only"
  BEFORE UPDATE OR DELETE ON "ledger_postings"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_postings_no_truncate"
  BEFORE TRUNCATE ON "ledger_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
