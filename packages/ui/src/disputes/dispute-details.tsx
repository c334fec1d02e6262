import { formatCents } from '@gametriggers/contracts';
import type { ReactNode } from 'react';
import { Badge, Card } from '../controls';
import { DetailList } from '../data-display';

/** A participation dispute as the payment service returns it to a party or an admin. */
export interface DisputeForDisplay {
  id: string;
  openedBy: 'brand' | 'streamer';
  reason: string;
  evidenceText: string;
  evidenceLinks: string[];
  responseText: string | null;
  responseLinks: string[];
  currency: string;
  heldCents: number;
  heldPendingCents: number;
  heldAvailableCents: number;
  status: 'open' | 'resolved';
  outcome: 'release' | 'refund' | 'split' | null;
  streamerCents: number | null;
  brandCents: number | null;
  resolutionReason: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
/** The day a dispute was opened or resolved, as the pages show it. */
export const formatDisputeDay = (date: Date) => day.format(date);

export const disputeOutcomeLabels = {
  release: 'Released to the streamer',
  refund: 'Refunded to the brand',
  split: 'Split',
} as const;

/** `Open`, or how it was resolved. */
export function DisputeStatusBadge({
  dispute,
}: {
  dispute: Pick<DisputeForDisplay, 'status' | 'outcome'>;
}) {
  return dispute.status === 'open' ? (
    <Badge tone="warning" data-testid="dispute-status">
      Dispute open
    </Badge>
  ) : (
    <Badge tone="neutral" data-testid="dispute-status">
      {dispute.outcome ? disputeOutcomeLabels[dispute.outcome] : 'Resolved'}
    </Badge>
  );
}

const sideNames = { brand: 'The brand', streamer: 'The streamer' } as const;

function Side({
  title,
  text,
  links,
  testId,
}: {
  title: string;
  text: ReactNode;
  links: string[];
  testId: string;
}) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="whitespace-pre-line break-words text-sm text-slate-700">{text}</p>
      {links.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {links.map((link) => (
            <li key={link} className="truncate">
              <a
                href={link}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-brand-700 hover:underline"
              >
                {link}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Both sides' evidence, what is held, and the outcome: the same for the parties and the admins. */
export function DisputeDetails({ dispute }: { dispute: DisputeForDisplay }) {
  const money = (cents: number | null) => formatCents(cents ?? 0, dispute.currency);
  const otherSide = dispute.openedBy === 'brand' ? 'streamer' : 'brand';
  return (
    <div className="space-y-6" data-testid="dispute-details">
      <Card>
        <div className="mb-4 flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold">{dispute.reason}</h2>
          <DisputeStatusBadge dispute={dispute} />
        </div>
        <DetailList
          items={[
            {
              label: 'Opened by',
              value: `${sideNames[dispute.openedBy]}, ${formatDisputeDay(dispute.createdAt)}`,
            },
            {
              label: 'Held',
              value: (
                <span data-testid="dispute-held">
                  {money(dispute.heldCents)}{' '}
                  <span className="font-normal text-slate-500">
                    ({money(dispute.heldPendingCents)} pending, {money(dispute.heldAvailableCents)}{' '}
                    available)
                  </span>
                </span>
              ),
            },
            ...(dispute.status === 'resolved'
              ? [
                  {
                    label: 'To the streamer',
                    value: (
                      <span data-testid="dispute-to-streamer">{money(dispute.streamerCents)}</span>
                    ),
                  },
                  {
                    label: 'To the brand',
                    value: <span data-testid="dispute-to-brand">{money(dispute.brandCents)}</span>,
                  },
                  {
                    label: 'Resolved',
                    value: dispute.resolvedAt ? formatDisputeDay(dispute.resolvedAt) : '',
                  },
                  {
                    label: 'Why',
                    value: (
                      <span data-testid="dispute-resolution-reason">
                        {dispute.resolutionReason}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card>
        <div className="grid gap-6 md:grid-cols-2">
          <Side
            title={`${sideNames[dispute.openedBy]} (opened it)`}
            text={dispute.evidenceText}
            links={dispute.evidenceLinks}
            testId="dispute-opener-side"
          />
          <Side
            title={sideNames[otherSide]}
            text={dispute.responseText ?? 'Has not responded.'}
            links={dispute.responseLinks}
            testId="dispute-response-side"
          />
        </div>
      </Card>
    </div>
  );
}
