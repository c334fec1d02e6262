import type { NotificationCategory, ParticipationStatus } from '@gametriggers/contracts';
import type { EventPayload, EventType } from '@gametriggers/events';
import type { NoticeText } from '../events/notification-rules';

/**
 * Who an audience rule tells: people the event does not name, found page by page at the service
 * that knows them.
 */
export type Audience =
  /** The streamers the campaign's targeting matches (the streamer service), while it is live. */
  | { kind: 'matched_streamers'; campaignId: string }
  /** The streamers with a participation of the campaign in one of `statuses` (the participation service). */
  | { kind: 'campaign_participants'; campaignId: string; statuses: ParticipationStatus[] };

export interface AudienceRule<T extends EventType> {
  category: NotificationCategory;
  audience: (payload: EventPayload<T>) => Audience;
  /** One text for everyone in the audience (stored in bulk). */
  text: (payload: EventPayload<T>) => NoticeText;
}

export type AudienceRules = { [T in EventType]?: AudienceRule<T> };

const quoted = (title: string) => `“${title}”`;
/** Live or paused: the streamers running the campaign now. */
const running: ParticipationStatus[] = ['active', 'paused'];
/** A campaign's end completes its live participations; the participation service may have applied it first. */
const runningOrEnded: ParticipationStatus[] = ['active', 'paused', 'completed'];

const endReasons: Record<EventPayload<'campaign.completed'>['reason'], string> = {
  budget_spent: 'its budget is spent',
  target_reached: 'it reached its target',
  end_date: 'its end date passed',
  inactive: 'it was inactive for too long',
  ended_by_brand: 'the brand ended it',
  ended_by_admin: 'an administrator ended it',
};

/**
 * The events that tell an audience (beside what `notificationRules` tells the people the payload
 * names): one entry per event type, run by the fan-out (`fan-out-runner.ts`).
 */
export const audienceRules: AudienceRules = {
  'campaign.launched': {
    category: 'matched_campaigns',
    audience: (p) => ({ kind: 'matched_streamers', campaignId: p.campaignId }),
    text: (p) => ({
      title: 'A new campaign matches your channel',
      body: `${quoted(p.title)} is live and looking for streamers like you. Have a look before its spots fill up.`,
      link: `/marketplace/${p.campaignId}`,
    }),
  },
  'campaign.paused': {
    category: 'participation',
    audience: (p) => ({ kind: 'campaign_participants', campaignId: p.campaignId, statuses: running }),
    text: (p) => ({
      title: 'A campaign you run was paused',
      body: `${quoted(p.title)} was paused by ${p.by === 'admin' ? 'an administrator' : 'its brand'}. Its ad is not shown on your stream until it resumes.`,
      link: '/my-campaigns',
    }),
  },
  'campaign.resumed': {
    category: 'participation',
    audience: (p) => ({ kind: 'campaign_participants', campaignId: p.campaignId, statuses: running }),
    text: (p) => ({
      title: 'A campaign you run resumed',
      body: `${quoted(p.title)} is running again.`,
      link: '/my-campaigns',
    }),
  },
  'campaign.completed': {
    category: 'participation',
    audience: (p) => ({ kind: 'campaign_participants', campaignId: p.campaignId, statuses: runningOrEnded }),
    text: (p) => ({
      title: 'A campaign you ran has ended',
      body: `${quoted(p.title)} has ended: ${endReasons[p.reason]}. Its ad no longer shows on your stream.`,
      link: '/my-campaigns',
    }),
  },
  'campaign.cancelled': {
    category: 'participation',
    audience: (p) => ({ kind: 'campaign_participants', campaignId: p.campaignId, statuses: runningOrEnded }),
    text: (p) => ({
      title: 'A campaign you ran was cancelled',
      body: `${quoted(p.title)} was cancelled by ${p.by === 'admin' ? 'an administrator' : 'its brand'}. Its ad no longer shows on your stream.`,
      link: '/my-campaigns',
    }),
  },
};

/** The audience rule of an event type, if it has one (typed for any event: the payload is the event's own). */
export function audienceRuleOf(type: EventType): AudienceRule<EventType> | undefined {
  return audienceRules[type];
}

/** The event types that tell an audience. */
export const audienceEventTypes = Object.keys(audienceRules) as EventType[];
