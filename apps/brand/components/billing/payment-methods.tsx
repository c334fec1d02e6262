import type { ActionResult } from '@gametriggers/auth/portal';
import type { AutoTopUpInput } from '@gametriggers/contracts';
import { Alert, Card } from '@gametriggers/ui';
import { AutoTopUpForm } from './auto-top-up-form';
import { cardLabel } from './card-label';
import { RemoveCardButton } from './remove-card-button';
import type { AutoTopUpSettings, SavedCard } from './types';

/** Saved cards and the automatic top-up that charges one of them. */
export function PaymentMethods({
  cards,
  autoTopUp,
  saveAutoTopUp,
  removeCard,
}: {
  cards: readonly SavedCard[];
  autoTopUp: AutoTopUpSettings;
  saveAutoTopUp: (input: AutoTopUpInput) => Promise<ActionResult<AutoTopUpSettings>>;
  removeCard: (cardId: string) => Promise<ActionResult<null>>;
}) {
  return (
    <Card className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Card and automatic top-up</h2>
        <p className="mt-1 text-sm text-slate-600">Cards are kept by our payment provider; we only see the last digits.</p>
      </div>
      {autoTopUp.disabledReason ? (
        <div data-testid="auto-top-up-disabled">
          <Alert tone="warning" title="Automatic top-up was turned off">
            {autoTopUp.disabledReason} Top up by hand, then turn it on again.
          </Alert>
        </div>
      ) : null}
      <section aria-labelledby="saved-cards-heading" className="space-y-2">
        <h3 id="saved-cards-heading" className="text-sm font-semibold text-slate-700">
          Saved cards
        </h3>
        {cards.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="saved-cards-empty">
            No saved card. Tick “Save this card” when you top up to keep one for later.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl ring-1 ring-slate-200">
            {cards.map((card) => (
              <li key={card.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm" data-testid="saved-card">
                <span className="font-medium text-slate-900">{cardLabel(card)}</span>
                <RemoveCardButton cardId={card.id} label={cardLabel(card)} remove={removeCard} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <AutoTopUpForm settings={autoTopUp} cards={cards} save={saveAutoTopUp} />
    </Card>
  );
}
