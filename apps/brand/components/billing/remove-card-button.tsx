'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Button } from '@gametriggers/ui';
import { useState } from 'react';

/** Forgets a saved card, after a confirmation (auto top-up with it stops). */
export function RemoveCardButton({
  cardId,
  label,
  remove,
}: {
  cardId: string;
  label: string;
  remove: (cardId: string) => Promise<ActionResult<null>>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setPending(true);
    try {
      const result = await remove(cardId);
      if (!result.ok) setError(result.error.message);
    } finally {
      setPending(false);
      setConfirming(false);
    }
  }

  if (!confirming) {
    return (
      <span className="flex flex-col items-end gap-1">
        <Button type="button" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Remove ${label}`}>
          Remove
        </Button>
        {error ? <span className="text-xs text-red-600">{error}</span> : null}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="danger" loading={pending} onClick={() => void confirm()}>
        Remove card
      </Button>
      <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </span>
  );
}
