'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { CampaignAction } from '@gametriggers/contracts';
import { Alert, Button, ButtonLink } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export type StatusAction = 'submit' | 'pause' | 'resume' | 'end' | 'cancel';

const buttons: Record<
  StatusAction,
  { label: string; variant: 'primary' | 'secondary' | 'danger'; confirm?: string }
> = {
  submit: { label: 'Submit for review', variant: 'primary' },
  pause: { label: 'Pause', variant: 'secondary' },
  resume: { label: 'Resume', variant: 'primary' },
  end: {
    label: 'End campaign',
    variant: 'secondary',
    confirm:
      'End the campaign now? Streamers stop showing it and it completes; this cannot be undone.',
  },
  cancel: {
    label: 'Cancel campaign',
    variant: 'danger',
    confirm:
      'Cancel the campaign? It stops for good and what is unspent is released; this cannot be undone.',
  },
};
const order: StatusAction[] = ['submit', 'resume', 'pause', 'end', 'cancel'];

/**
 * The status actions the service says the brand may take now (from its status machine), plus
 * Edit. End and Cancel ask for confirmation first.
 */
export function CampaignActions({
  campaignId,
  allowed,
  change,
}: {
  campaignId: string;
  allowed: readonly CampaignAction[];
  change: (campaignId: string, action: StatusAction) => Promise<ActionResult<null>>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<StatusAction>();
  const [confirming, setConfirming] = useState<StatusAction>();
  const [failure, setFailure] = useState<{ message: string; reason?: string | undefined }>();
  const available = order.filter((action) => allowed.includes(action));
  if (available.length === 0 && !allowed.includes('edit')) return null;

  async function run(action: StatusAction) {
    setBusy(action);
    setFailure(undefined);
    const result = await change(campaignId, action);
    setBusy(undefined);
    setConfirming(undefined);
    // Replacing the URL also drops a one-off `?saved=` notice.
    if (result.ok) router.replace(`/campaigns/${campaignId}`);
    else setFailure({ message: result.error.message, reason: result.error.reason });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" data-testid="campaign-actions">
        {allowed.includes('edit') ? (
          <ButtonLink href={`/campaigns/${campaignId}/edit`} variant="secondary">
            Edit
          </ButtonLink>
        ) : null}
        {available.map((action) => {
          const button = buttons[action];
          return (
            <Button
              key={action}
              variant={button.variant}
              loading={busy === action}
              disabled={busy !== undefined}
              data-testid={`campaign-action-${action}`}
              onClick={() => (button.confirm ? setConfirming(action) : void run(action))}
            >
              {button.label}
            </Button>
          );
        })}
      </div>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="confirm-text"
          className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200"
        >
          <p id="confirm-text" className="text-sm text-slate-800">
            {buttons[confirming].confirm}
          </p>
          <div className="mt-3 flex gap-2">
            <Button
              variant="danger"
              loading={busy === confirming}
              data-testid="campaign-action-confirm"
              onClick={() => void run(confirming)}
            >
              Yes, {buttons[confirming].label.toLowerCase()}
            </Button>
            <Button
              variant="ghost"
              onClick={() => setConfirming(undefined)}
              disabled={busy !== undefined}
            >
              Not now
            </Button>
          </div>
        </div>
      ) : null}
      {failure ? (
        <Alert title="That did not work">
          {failure.message}
          {failure.reason === 'brand_not_verified' ? (
            <>
              {' '}
              <a href="/profile#verification" className="font-semibold underline">
                Go to verification
              </a>
            </>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
