'use client';

import { Alert, Button } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { leaveParticipation, pauseParticipation, resumeParticipation } from './actions';
import { categoryLabel, cooloffLength } from './formatting';
import type { Participation } from './types';

/**
 * Pause, resume and leave for one of the streamer's participations (withdraw for an application).
 * Leaving asks for confirmation first, saying what happens to the G-Key.
 */
export function ParticipationActions({ participation }: { participation: Participation }) {
  const router = useRouter();
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string>();

  async function run(name: string, action: (id: string) => ReturnType<typeof leaveParticipation>) {
    setPending(name);
    setError(undefined);
    try {
      const result = await action(participation.id);
      if (result.ok) {
        setConfirmingLeave(false);
        router.refresh();
      } else {
        setError(result.error.message);
      }
    } finally {
      setPending(null);
    }
  }

  const { status } = participation;
  if (status !== 'active' && status !== 'paused' && status !== 'pending') return null;
  const isApplication = status === 'pending';
  const key = participation.gkeyCategory ? categoryLabel(participation.gkeyCategory) : null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === 'active' ? (
          <Button
            variant="secondary"
            data-testid="pause-button"
            loading={pending === 'pause'}
            disabled={pending !== null}
            onClick={() => void run('pause', pauseParticipation)}
          >
            Pause
          </Button>
        ) : null}
        {status === 'paused' ? (
          <Button
            variant="secondary"
            data-testid="resume-button"
            loading={pending === 'resume'}
            disabled={pending !== null}
            onClick={() => void run('resume', resumeParticipation)}
          >
            Resume
          </Button>
        ) : null}
        {!confirmingLeave ? (
          <Button
            variant="ghost"
            data-testid="leave-button"
            disabled={pending !== null}
            onClick={() => setConfirmingLeave(true)}
          >
            {isApplication ? 'Withdraw' : 'Leave'}
          </Button>
        ) : null}
      </div>
      {confirmingLeave ? (
        <div
          data-testid="leave-confirmation"
          className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p>
            {isApplication
              ? 'Withdraw your application? Nothing was spent on it, and you can apply again later.'
              : `Leave "${participation.campaignTitle}"? ${
                  key
                    ? `Your ${key} G-Key then cools off for ${cooloffLength(participation.gkeyCooloffHours)}: until then only this brand’s campaigns can use it.`
                    : ''
                } The energy pack you spent is not returned.`}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              variant="danger"
              data-testid="confirm-leave"
              loading={pending === 'leave'}
              disabled={pending !== null}
              onClick={() => void run('leave', leaveParticipation)}
            >
              {isApplication ? 'Withdraw application' : 'Leave campaign'}
            </Button>
            <Button
              variant="secondary"
              disabled={pending !== null}
              onClick={() => setConfirmingLeave(false)}
            >
              Stay
            </Button>
          </div>
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
