import { TRPCClientError } from '@gametriggers/api';
import {
  Badge,
  Card,
  ParticipationDisputeControl,
  latestDisputeByParticipation,
} from '@gametriggers/ui';
import type { ReactNode } from 'react';
import { portal } from '../../portal';
import { openDispute } from '../../app/disputes/actions';
import { ApplicantDecision } from './applicant-decision';
import { categoryLabel, formatCount, formatDay } from './formatting';
import { ParticipantRemoval } from './participant-removal';
import type { CampaignParticipant } from './types';

const LIST_SIZE = 50;

function StreamerFacts({ participant }: { participant: CampaignParticipant }) {
  const { streamer } = participant;
  return (
    <div className="min-w-0">
      <p className="truncate font-semibold text-slate-900">{streamer.displayName}</p>
      <p className="text-sm text-slate-600" title="As when they joined or applied">
        {formatCount(streamer.followers)} followers · {formatCount(streamer.averageViewers)} average
        viewers when they {participant.status === 'pending' ? 'applied' : 'joined'}
      </p>
    </div>
  );
}

function Section({
  title,
  count,
  showCount = true,
  note,
  more,
  empty,
  testId,
  children,
}: {
  title: string;
  count: number;
  /** Off where the page already shows the count from its one source. */
  showCount?: boolean;
  note?: string;
  more: boolean;
  empty: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <section aria-label={title} data-testid={testId}>
        <div className="mb-4">
          <div className="flex items-center gap-2">
            <h2 className="text-lg font-semibold">{title}</h2>
            {showCount ? <Badge tone="neutral">{more ? `${count}+` : count}</Badge> : null}
          </div>
          {note ? <p className="mt-1 text-sm text-slate-600">{note}</p> : null}
        </div>
        {count === 0 ? (
          <p className="rounded-lg border-2 border-dashed border-slate-200 p-6 text-center text-sm text-slate-500">
            {empty}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">{children}</ul>
        )}
        {more ? (
          <p className="mt-3 text-xs text-slate-500">Showing the {LIST_SIZE} most recent.</p>
        ) : null}
      </section>
    </Card>
  );
}

async function participantsOf(campaignId: string) {
  const api = await portal.sessionApi();
  const list = (status: 'pending' | 'active' | 'paused') =>
    api.participation.listForCampaign.query({ campaignId, status, limit: LIST_SIZE });
  try {
    const [pending, active, paused, disputes] = await Promise.all([
      list('pending'),
      list('active'),
      list('paused'),
      api.payment.disputes.brand.listMine.query({ campaignId, limit: 100 }),
    ]);
    return { pending, active, paused, disputeOf: latestDisputeByParticipation(disputes.items) };
  } catch (error) {
    if (
      error instanceof TRPCClientError &&
      (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND'
    ) {
      return null;
    }
    throw error;
  }
}

/**
 * A campaign's applicants (approve, or reject with a reason) and participants (remove with a note
 * and a forfeit choice), for the brand that owns it. Embedded in the campaign page.
 */
export async function CampaignParticipants({
  campaignId,
  ended,
}: {
  campaignId: string;
  /** Completed or cancelled: its participations ended with it. */
  ended: boolean;
}) {
  const lists = await participantsOf(campaignId);
  if (!lists) {
    return (
      <Card>
        <p className="text-sm text-slate-600">This campaign is not one of yours.</p>
      </Card>
    );
  }
  const participants = [...lists.active.items, ...lists.paused.items];

  return (
    <div className="space-y-6">
      <Section
        title="Applicants"
        testId="applicants"
        count={lists.pending.items.length}
        more={lists.pending.nextCursor !== null}
        empty="No application is waiting. Streamers who apply show up here for you to decide."
      >
        {lists.pending.items.map((applicant) => (
          <li
            key={applicant.id}
            data-testid="applicant-row"
            className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 space-y-1">
              <StreamerFacts participant={applicant} />
              {applicant.applicationMessage ? (
                <blockquote className="border-l-2 border-slate-200 pl-3 text-sm text-slate-700">
                  {applicant.applicationMessage}
                </blockquote>
              ) : null}
              <p className="text-xs text-slate-500">
                Applied {applicant.appliedAt ? formatDay(applicant.appliedAt) : ''}
              </p>
            </div>
            <ApplicantDecision
              participationId={applicant.id}
              streamerName={applicant.streamer.displayName}
            />
          </li>
        ))}
      </Section>

      <Section
        title="Participants"
        testId="participants"
        count={participants.length}
        // How many deliver is the campaign's own count, in the figures above: one number, one source.
        showCount={false}
        note="Active streamers show your ad; paused ones keep their place and show nothing until they resume."
        more={lists.active.nextCursor !== null || lists.paused.nextCursor !== null}
        empty={
          ended
            ? 'Nobody runs it any more: the campaign has ended.'
            : 'Nobody runs this campaign yet.'
        }
      >
        {participants.map((participant) => (
          <li
            key={participant.id}
            data-testid="participant-row"
            data-status={participant.status}
            className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 space-y-1">
              <StreamerFacts participant={participant} />
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <Badge
                  tone={participant.status === 'active' ? 'success' : 'neutral'}
                  data-testid="participant-status"
                >
                  {participant.status === 'active' ? 'Active' : 'Paused'}
                </Badge>
                {participant.gkeyCategory ? (
                  <span>{categoryLabel(participant.gkeyCategory)}</span>
                ) : null}
                {participant.joinedAt ? (
                  <span>Joined {formatDay(participant.joinedAt)}</span>
                ) : null}
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              <ParticipationDisputeControl
                participationId={participant.id}
                dispute={lists.disputeOf.get(participant.id) ?? null}
                submit={openDispute}
              />
              <ParticipantRemoval
                participationId={participant.id}
                streamerName={participant.streamer.displayName}
              />
            </div>
          </li>
        ))}
      </Section>
    </div>
  );
}
