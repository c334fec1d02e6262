import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetPanelStateOf, spentShare } from './budget-panel-state';

const budget = { reservedCents: 50_000, spentCents: 12_345, leftCents: 37_655 };

void describe('campaign budget panel', () => {
  void it('shows reserved, spent and left while the campaign runs', () => {
    assert.deepEqual(
      budgetPanelStateOf({ status: 'active', approved: true, budgetCents: 50_000, walletShortByCents: null, budget, availableCents: null }),
      { kind: 'reserved', budget, ended: false, releasedCents: 0 },
    );
  });

  void it('shows what went back to the wallet once the campaign ended', () => {
    const released = { reservedCents: 50_000, spentCents: 12_345, leftCents: 0 };
    assert.deepEqual(
      budgetPanelStateOf({ status: 'completed', approved: true, budgetCents: 50_000, walletShortByCents: null, budget: released, availableCents: null }),
      { kind: 'reserved', budget: released, ended: true, releasedCents: 37_655 },
    );
  });

  void it('before approval, says by how much the wallet is short of the budget', () => {
    assert.deepEqual(
      budgetPanelStateOf({ status: 'pending_review', approved: false, budgetCents: 50_000, walletShortByCents: null, budget: null, availableCents: 20_000 }),
      { kind: 'awaiting_approval', budgetCents: 50_000, availableCents: 20_000, shortByCents: 30_000, refusedShortByCents: null },
    );
    assert.equal(
      budgetPanelStateOf({ status: 'draft', approved: false, budgetCents: 50_000, walletShortByCents: null, budget: null, availableCents: 50_000 }).kind,
      'awaiting_approval',
    );
    assert.deepEqual(
      budgetPanelStateOf({ status: 'draft', approved: false, budgetCents: 50_000, walletShortByCents: null, budget: null, availableCents: 80_000 }),
      { kind: 'awaiting_approval', budgetCents: 50_000, availableCents: 80_000, shortByCents: 0, refusedShortByCents: null },
    );
  });

  void it('keeps a refused approval in view, with what the wallet lacks now', () => {
    const refused = { status: 'pending_review' as const, approved: false, budgetCents: 50_000, walletShortByCents: 30_000, budget: null };
    assert.deepEqual(budgetPanelStateOf({ ...refused, availableCents: 35_000 }), {
      kind: 'awaiting_approval',
      budgetCents: 50_000,
      availableCents: 35_000,
      shortByCents: 15_000,
      refusedShortByCents: 30_000,
    });
    assert.equal((budgetPanelStateOf({ ...refused, availableCents: 60_000 }) as { shortByCents: number }).shortByCents, 0);
    // Without the wallet, the refusal's own figure is the best there is.
    assert.equal((budgetPanelStateOf({ ...refused, availableCents: null }) as { shortByCents: number }).shortByCents, 30_000);
  });

  void it('claims no shortfall when the wallet could not be read', () => {
    assert.deepEqual(
      budgetPanelStateOf({ status: 'pending_review', approved: false, budgetCents: 50_000, walletShortByCents: null, budget: null, availableCents: null }),
      { kind: 'awaiting_approval', budgetCents: 50_000, availableCents: null, shortByCents: 0, refusedShortByCents: null },
    );
  });

  void it('tells an approved campaign without a reservation from one never approved', () => {
    assert.equal(
      budgetPanelStateOf({ status: 'active', approved: true, budgetCents: 1, walletShortByCents: null, budget: null, availableCents: null }).kind,
      'not_reserved',
    );
    for (const status of ['rejected', 'cancelled'] as const) {
      assert.equal(
        budgetPanelStateOf({ status, approved: false, budgetCents: 1, walletShortByCents: null, budget: null, availableCents: 0 }).kind,
        'nothing_reserved',
      );
    }
  });

  void it('fills the spent bar by share, never past full', () => {
    assert.equal(spentShare({ reservedCents: 0, spentCents: 0, leftCents: 0 }), 0);
    assert.equal(spentShare({ reservedCents: 200, spentCents: 50, leftCents: 150 }), 0.25);
    assert.equal(spentShare({ reservedCents: 100, spentCents: 150, leftCents: 0 }), 1);
  });
});
