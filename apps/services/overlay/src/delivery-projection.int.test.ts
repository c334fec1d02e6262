import { randomUUID } from 'node:crypto';
import { startTestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, campaigns: { deliveryInfo: () => Promise.resolve([]) } });
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 24, 20, 0, seconds));

function participation() {
  const participationId = randomUUID();
  return {
    participationId,
    campaignId: randomUUID(),
    brandId: randomUUID(),
    streamerId: randomUUID(),
    clickCode: `code${participationId.slice(0, 8)}`,
  };
}

const delivering = async (participationId: string) =>
  (await harness.db.deliveringParticipation.findUniqueOrThrow({ where: { participationId } })).delivering;
const halted = async (campaignId: string) =>
  (await harness.db.campaignDeliveryState.findUniqueOrThrow({ where: { campaignId } })).halted;

describe('the delivery projection', () => {
  it('adds joined, approved and resumed participations and removes paused, left and removed ones', async () => {
    const ref = participation();
    await harness.sendEvent('participation.joined', ref, { occurredAt: at(1) });
    expect(await delivering(ref.participationId)).toBe(true);
    const row = await harness.db.deliveringParticipation.findUniqueOrThrow({ where: { participationId: ref.participationId } });
    expect(row.clickCode).toBe(ref.clickCode);
    await harness.sendEvent('participation.paused', ref, { occurredAt: at(2) });
    expect(await delivering(ref.participationId)).toBe(false);
    await harness.sendEvent('participation.resumed', ref, { occurredAt: at(3) });
    expect(await delivering(ref.participationId)).toBe(true);
    await harness.sendEvent('participation.left', ref, { occurredAt: at(4) });
    expect(await delivering(ref.participationId)).toBe(false);

    const approved = participation();
    await harness.sendEvent('participation.approved', approved, { occurredAt: at(1) });
    expect(await delivering(approved.participationId)).toBe(true);
    await harness.sendEvent(
      'participation.removed',
      { ...approved, reason: 'fraud', forfeitEarnings: true, removedBy: randomUUID() },
      { occurredAt: at(2) },
    );
    expect(await delivering(approved.participationId)).toBe(false);
  });

  it('ignores a replayed event and an event older than the last change', async () => {
    const ref = participation();
    const joined = await harness.sendEvent('participation.joined', ref, { occurredAt: at(10) });
    await harness.sendEvent('participation.paused', ref, { occurredAt: at(20) });
    // The join again (same id: already applied), and a late resume from before the pause.
    await harness.sendEvent('participation.joined', ref, { id: joined, occurredAt: at(10) });
    await harness.sendEvent('participation.resumed', ref, { occurredAt: at(15) });
    expect(await delivering(ref.participationId)).toBe(false);
    expect(await harness.db.deliveringParticipation.count({ where: { participationId: ref.participationId } })).toBe(1);
  });

  it('halts paused campaigns until resumed, and ended ones for good', async () => {
    const campaign = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Acme' };
    await harness.sendEvent('campaign.paused', { ...campaign, by: 'brand' }, { occurredAt: at(1) });
    expect(await halted(campaign.campaignId)).toBe(true);
    await harness.sendEvent('campaign.resumed', campaign, { occurredAt: at(2) });
    expect(await halted(campaign.campaignId)).toBe(false);
    await harness.sendEvent('campaign.completed', { ...campaign, reason: 'budget_spent' }, { occurredAt: at(3) });
    expect(await halted(campaign.campaignId)).toBe(true);
    // A resume that arrives after the completion (even with a later time) never revives it.
    await harness.sendEvent('campaign.resumed', campaign, { occurredAt: at(4) });
    expect(await halted(campaign.campaignId)).toBe(true);

    const cancelled = { campaignId: randomUUID(), brandId: randomUUID(), title: 'Zed' };
    await harness.sendEvent('campaign.cancelled', { ...cancelled, by: 'admin' }, { occurredAt: at(5) });
    // An older pause arriving late leaves it ended.
    await harness.sendEvent('campaign.paused', { ...cancelled, by: 'brand' }, { occurredAt: at(1) });
    expect(await harness.db.campaignDeliveryState.findUniqueOrThrow({ where: { campaignId: cancelled.campaignId } })).toMatchObject({
      halted: true,
      ended: true,
    });
  });
});
