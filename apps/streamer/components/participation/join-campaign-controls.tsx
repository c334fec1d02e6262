'use client';

import type { ActionError } from '@gametriggers/auth/portal';
import { applyToCampaignInputSchema } from '@gametriggers/contracts';
import { Alert, Button, Card, Textarea } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyToCampaign, joinCampaign } from './actions';
import { categoryLabel } from './formatting';
import { LocalTime } from './local-time';
import { ParticipationStatusBadge } from './participation-status-badge';
import { RefusalDetails } from './refusal-details';
import type { Eligibility, Participation } from './types';

const inCampaignStatuses = new Set(['pending', 'active', 'paused']);

const stateText = {
  pending: 'Application sent. The brand decides; nothing is spent until they approve.',
  active: 'You are in. The campaign shows on your overlay while you are live.',
  paused: 'Paused: the campaign is off your overlay until you resume it in My campaigns.',
} as const;

/** The interactive half of the join panel: the button, warnings to acknowledge, and outcomes. */
export function JoinCampaignControls({ eligibility }: { eligibility: Eligibility }) {
  const router = useRouter();
  const [acknowledged, setAcknowledged] = useState(false);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionError | null>(null);
  const [joined, setJoined] = useState<Participation | null>(null);

  const isApply = eligibility.action === 'apply';
  const current = joined ? { id: joined.id, status: joined.status } : eligibility.participation;
  const warningToAcknowledge =
    eligibility.warnings.length > 0 ||
    (refusal?.reason === 'conflict_rule' &&
      (refusal.details as { acknowledgeable?: boolean } | undefined)?.acknowledgeable === true);

  async function submit() {
    setRefusal(null);
    const input = { campaignId: eligibility.campaignId, acknowledgeWarnings: acknowledged };
    if (isApply) {
      const parsed = applyToCampaignInputSchema.safeParse({
        ...input,
        message: message || undefined,
      });
      if (!parsed.success) {
        setMessageError(parsed.error.issues[0]?.message);
        return;
      }
      setMessageError(undefined);
    }
    setPending(true);
    try {
      const result = isApply
        ? await applyToCampaign({ ...input, message: message.trim() || undefined })
        : await joinCampaign(input);
      if (result.ok) {
        setJoined(result.data);
        router.refresh();
      } else {
        setRefusal(result.error);
      }
    } finally {
      setPending(false);
    }
  }

  if (current && inCampaignStatuses.has(current.status)) {
    const status = current.status as keyof typeof stateText;
    return (
      <Card>
        <div data-testid="participation-state" data-status={status} className="space-y-3">
          <div className="flex items-center gap-3">
            <h2 className="text-lg font-semibold">Your participation</h2>
            <ParticipationStatusBadge status={status} />
          </div>
          <p className="text-sm text-slate-600">{stateText[status]}</p>
          <a href="/my-campaigns" className="text-sm font-medium text-brand-700 underline">
            Manage it in My campaigns
          </a>
        </div>
      </Card>
    );
  }

  return (
    <Card>
      <div className="space-y-4">
        <div>
          <h2 className="text-lg font-semibold">
            {isApply ? 'Apply to this campaign' : 'Join this campaign'}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {isApply
              ? 'The brand reviews applications. If they approve, it costs one energy pack and locks a G-Key then.'
              : 'Joining is instant. It costs one energy pack and locks one of your G-Keys.'}
          </p>
        </div>

        {!eligibility.canProceed ? (
          <div data-testid="join-refusal">
            <Alert
              tone="warning"
              title={isApply ? 'You cannot apply right now' : 'You cannot join right now'}
            >
              <ul className="space-y-3">
                {eligibility.blockers.map((blocker) => (
                  <li key={blocker.reason}>
                    <RefusalDetails
                      reason={blocker.reason}
                      message={blocker.message}
                      details={blocker.details}
                    />
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        ) : (
          <>
            {eligibility.category || eligibility.energy ? (
              <p className="text-sm text-slate-600" data-testid="join-cost">
                {eligibility.category ? (
                  <>
                    Uses your <strong>{categoryLabel(eligibility.category)}</strong> G-Key.{' '}
                  </>
                ) : null}
                {eligibility.energy ? (
                  <>
                    {eligibility.energy.remaining} of {eligibility.energy.capacity} energy packs
                    left today (refills <LocalTime date={eligibility.energy.resetsAt} />
                    ).
                  </>
                ) : null}
              </p>
            ) : null}

            {eligibility.advisories.length > 0 ? (
              <Alert tone="info" title="Good to know">
                <ul className="list-inside list-disc">
                  {eligibility.advisories.map((notice) => (
                    <li key={notice.ruleId}>{notice.message}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}

            {warningToAcknowledge ? (
              <div data-testid="join-warnings">
                <Alert tone="warning" title="Before you go ahead">
                  <ul className="list-inside list-disc">
                    {eligibility.warnings.map((notice) => (
                      <li key={notice.ruleId}>
                        <strong>{notice.rule}:</strong> {notice.message}
                      </li>
                    ))}
                  </ul>
                  <label className="mt-3 flex items-center gap-2 font-medium">
                    <input
                      type="checkbox"
                      data-testid="acknowledge-warnings"
                      checked={acknowledged}
                      onChange={(event) => setAcknowledged(event.target.checked)}
                      className="size-4 rounded border-slate-300 text-brand-600"
                    />
                    I understand and want to go ahead
                  </label>
                </Alert>
              </div>
            ) : null}

            {isApply ? (
              <Textarea
                id="application-message"
                label="Message to the brand (optional)"
                hint="Why your channel fits, in a sentence or two."
                maxLength={1000}
                value={message}
                error={messageError}
                onChange={(event) => setMessage(event.target.value)}
              />
            ) : null}

            {refusal ? (
              <div data-testid="join-refusal">
                <Alert tone="error" title={isApply ? 'Application refused' : 'Join refused'}>
                  <RefusalDetails
                    reason={refusal.reason}
                    message={refusal.message}
                    details={refusal.details}
                  />
                </Alert>
              </div>
            ) : null}

            <Button
              data-testid={isApply ? 'apply-button' : 'join-button'}
              loading={pending}
              disabled={pending || (warningToAcknowledge && !acknowledged)}
              onClick={() => void submit()}
              className="w-full sm:w-auto"
            >
              {isApply ? 'Send application' : 'Join campaign'}
            </Button>
          </>
        )}
      </div>
    </Card>
  );
}
