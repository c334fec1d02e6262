import { failure } from '@gametriggers/testing';
import type { TestPerson } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

let stack: ParticipationStack;

beforeAll(async () => {
  stack = await startParticipationStack();
}, 120_000);
afterAll(() => stack?.close());

/** The admin actions recorded in the participation outbox about one subject. */
async function auditRecordsOf(subjectId: string) {
  const rows = await stack.participation.db.outboxEvent.findMany({
    where: { type: 'admin.action_recorded', payload: { path: ['subject', 'id'], equals: subjectId } },
    orderBy: { occurredAt: 'asc' },
  });
  return rows.map((row) => row.payload as Record<string, unknown>);
}

async function streamer(label: string) {
  const person = stack.extra('streamer', label);
  await stack.onboarded(person, {
    language: 'en',
    country: 'US',
    timezone: 'America/New_York',
    followers: 1_000,
    averageViewers: 50,
    categories: ['fps', 'battle_royale'],
  });
  return person;
}

const ruleInput = (streamerOf: TestPerson) => ({
  name: 'Shooter exclusivity',
  message: 'You may run only one shooter campaign at a time.',
  severity: 'blocking' as const,
  params: { type: 'category_exclusivity' as const, categories: ['fps' as const, 'battle_royale' as const] },
  scope: { streamerIds: [streamerOf.userId] },
});

describe('admin actions in the participation service are audited, once each', () => {
  it('conflict rules: create, update and disable; a repeated disable records nothing', async () => {
    const { superAdmin } = stack.cast;
    const admin = await stack.as(superAdmin);
    const target = await streamer('audited-rule');
    const rule = await admin.participation.rules.create.mutate(ruleInput(target));
    await admin.participation.rules.update.mutate({
      ruleId: rule.id,
      rule: { ...ruleInput(target), severity: 'warning' },
    });
    const reason = 'Replaced by a wider rule';
    await admin.participation.rules.disable.mutate({ ruleId: rule.id, reason });
    await admin.participation.rules.disable.mutate({ ruleId: rule.id, reason });

    const records = await auditRecordsOf(rule.id);
    expect(records.map((record) => record.action)).toEqual([
      'participation.conflict_rule.create',
      'participation.conflict_rule.update',
      'participation.conflict_rule.disable',
    ]);
    expect(records[1]).toMatchObject({
      actor: { adminId: superAdmin.userId, adminRole: 'super_admin' },
      permission: 'canManageCampaigns',
      subject: { type: 'conflict_rule', id: rule.id },
      before: { severity: 'blocking' },
      after: { severity: 'warning' },
    });
    expect(records[2]).toMatchObject({ before: { disabledAt: null }, reason });
  });

  it('a violation override, with its note as the reason', async () => {
    const { brandA, brandB, superAdmin } = stack.cast;
    const admin = await stack.as(superAdmin);
    const target = await streamer('audited-override');
    const rule = await admin.participation.rules.create.mutate(ruleInput(target));
    const [shooter, royale] = await Promise.all([
      stack.runningCampaign(brandA, { regions: ['US'], categories: ['fps'] }),
      stack.runningCampaign(brandB, { regions: ['US'], categories: ['battle_royale'] }),
    ]);
    const api = await stack.as(target);
    await api.participation.join.mutate({ campaignId: shooter.id });
    await failure(api.participation.join.mutate({ campaignId: royale.id, acknowledgeWarnings: true }));
    const [violation] = (
      await admin.participation.rules.violations.query({ ruleId: rule.id, outcome: 'refused' })
    ).items;
    await admin.participation.rules.override.mutate({
      violationId: violation!.id,
      note: 'Agreed with both brands',
    });
    await failure(admin.participation.rules.override.mutate({ violationId: violation!.id, note: 'Again' }));

    const records = await auditRecordsOf(violation!.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'participation.violation.override',
      subject: { type: 'rule_violation', id: violation!.id },
      reason: 'Agreed with both brands',
      after: { overridden: true, ruleId: rule.id, campaignId: royale.id },
    });
  });

  it('a removal by an admin is audited; a removal by the brand is not an admin action', async () => {
    const { brandA, superAdmin } = stack.cast;
    const running = await stack.runningCampaign(brandA, { regions: ['US'], categories: ['fps'] });
    const [first, second] = [await streamer('removed-by-brand'), await streamer('removed-by-admin')];
    const byBrand = await (await stack.as(first)).participation.join.mutate({ campaignId: running.id });
    const byAdmin = await (await stack.as(second)).participation.join.mutate({ campaignId: running.id });
    await (await stack.as(brandA)).participation.remove.mutate({
      participationId: byBrand.participation.id,
      reason: 'brand_decision',
      note: 'Not a fit for this campaign',
      forfeitEarnings: false,
    });
    await (await stack.as(superAdmin)).participation.remove.mutate({
      participationId: byAdmin.participation.id,
      reason: 'fraud',
      note: 'Botted viewers',
      forfeitEarnings: true,
    });

    expect(await auditRecordsOf(byBrand.participation.id)).toEqual([]);
    const records = await auditRecordsOf(byAdmin.participation.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'participation.remove',
      permission: 'canManageCampaigns',
      before: { status: 'active' },
      after: { status: 'removed', reason: 'fraud', forfeitEarnings: true },
      reason: 'Botted viewers',
    });
  });
});
