import { randomUUID } from 'node:crypto';
import { eventCatalogue } from '@gametriggers/events';
import type { EventPayload } from '@gametriggers/events';
import { describe, expect, it } from 'vitest';
import { audienceEventTypes, audienceRules } from './fan-out-rules';

const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Neon Energy Launch' };
const rule = <T extends keyof typeof audienceRules>(type: T) => {
  const found = audienceRules[type];
  if (!found) throw new Error(`no audience rule for ${type}`);
  return found;
};

describe('audience rules', () => {
  it('tell a launch to the streamers its targeting matches, pointing at the campaign in the marketplace', () => {
    const launched = rule('campaign.launched');
    expect(launched.category).toBe('matched_campaigns');
    expect(launched.audience(campaign)).toEqual({ kind: 'matched_streamers', campaignId: campaign.campaignId });
    expect(launched.text(campaign)).toEqual({
      title: 'A new campaign matches your channel',
      body: '“Neon Energy Launch” is live and looking for streamers like you. Have a look before its spots fill up.',
      link: `/marketplace/${campaign.campaignId}`,
    });
  });

  it('tell a pause and a resume to the streamers running the campaign (live or paused themselves)', () => {
    for (const type of ['campaign.paused', 'campaign.resumed'] as const) {
      const payload = { ...campaign, by: 'brand' as const };
      expect(rule(type).category).toBe('participation');
      expect(rule(type).audience(payload)).toEqual({
        kind: 'campaign_participants',
        campaignId: campaign.campaignId,
        statuses: ['active', 'paused'],
      });
    }
    expect(rule('campaign.paused').text({ ...campaign, by: 'admin' }).body).toContain('paused by an administrator');
    expect(rule('campaign.paused').text({ ...campaign, by: 'brand' }).body).toContain('paused by its brand');
  });

  it('tell an end to those running it, also once the participation service completed their participations', () => {
    const reasons: Array<EventPayload<'campaign.completed'>['reason']> = ['budget_spent', 'target_reached', 'end_date', 'inactive', 'ended_by_brand', 'ended_by_admin'];
    for (const reason of reasons) {
      const payload = { ...campaign, reason };
      expect(rule('campaign.completed').audience(payload)).toMatchObject({ statuses: ['active', 'paused', 'completed'] });
      expect(rule('campaign.completed').text(payload).body).toMatch(/has ended: .+\. Its ad no longer shows/);
    }
    expect(rule('campaign.cancelled').audience({ ...campaign, by: 'brand' })).toMatchObject({ statuses: ['active', 'paused', 'completed'] });
  });

  it('only for events the catalogue sends the notification service', () => {
    for (const type of audienceEventTypes) {
      expect(eventCatalogue[type].subscribers as readonly string[]).toContain('notification');
    }
  });
});
