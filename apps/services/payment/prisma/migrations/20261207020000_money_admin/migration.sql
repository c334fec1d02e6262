-- Hand-written: admins' money tools (adjustments against a platform account, freezes).

-- Adjustments are balanced against the platform's adjustments account: debit-normal like clearing
-- (what the platform has given out net of what it has taken back), so it may go negative too.
ALTER TABLE "ledger_accounts"
  DROP CONSTRAINT "ledger_accounts_kind",
  ADD CONSTRAINT "ledger_accounts_kind" CHECK ("kind" IN ('clearing', 'brand_wallet', 'campaign_escrow',
    'streamer_pending', 'streamer_available', 'platform_fees', 'payouts_in_transit', 'disputes_held',
    'platform_adjustments')),
  DROP CONSTRAINT "ledger_accounts_only_clearing_negative",
  ADD CONSTRAINT "ledger_accounts_only_clearing_negative" CHECK (
    NOT "allowsNegative" OR "kind" IN ('clearing', 'platform_adjustments'));

-- A brand wallet or a streamer's earnings an admin has frozen (the row exists while frozen).
CREATE TABLE "money_freezes" (
    "holder" VARCHAR(10) NOT NULL,
    "ownerId" UUID NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "frozenBy" UUID NOT NULL,
    "frozenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "money_freezes_pkey" PRIMARY KEY ("holder", "ownerId"),
    CONSTRAINT "money_freezes_holder" CHECK ("holder" IN ('brand', 'streamer'))
);
