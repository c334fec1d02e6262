import type {
  conflictRuleInputSchema,
  DisableConflictRuleInput,
  listViolationsInputSchema,
  OverrideViolationInput,
} from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { z } from 'zod';
import type { ConflictRule as ConflictRuleRow, RuleViolation } from '../generated/prisma/client';
import { ruleInEffect } from './conflict-rules';
import type { ParticipationDeps } from './deps';
import { violationsCursor } from './list-cursors';
import { conflictRuleOf } from './rule-records';

function ruleView(row: ConflictRuleRow, now: Date) {
  const rule = conflictRuleOf(row);
  return {
    ...rule,
    type: rule.params.type,
    inEffect: ruleInEffect(rule, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const ruleNotFound = () =>
  new DomainError('not_found', 'rule_not_found', 'There is no such conflict rule.');

type ConflictRuleFields = z.output<typeof conflictRuleInputSchema>;

function storedFields(rule: ConflictRuleFields) {
  return {
    name: rule.name,
    message: rule.message,
    type: rule.params.type,
    severity: rule.severity,
    params: rule.params,
    scope: rule.scope,
    activeFrom: rule.activeFrom,
    activeUntil: rule.activeUntil,
  };
}

export async function listRules(deps: ParticipationDeps, includeDisabled: boolean) {
  const rows = await deps.db.conflictRule.findMany({
    where: includeDisabled ? {} : { disabledAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const now = deps.now();
  return rows.map((row) => ruleView(row, now));
}

/** What the audit log keeps of a rule: its settings and state (the admins' own names stay out). */
function auditedRule(row: ConflictRuleRow) {
  return { ...storedFields(conflictRuleOf(row)), disabledAt: row.disabledAt };
}

const rulePermission = 'canManageCampaigns';

export async function createRule(
  deps: ParticipationDeps,
  actor: AdminActor,
  input: ConflictRuleFields,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const row = await tx.conflictRule.create({
      data: {
        ...storedFields(input),
        createdBy: actor.adminId,
        updatedBy: actor.adminId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordAdminAction(tx, {
      actor,
      permission: rulePermission,
      action: 'participation.conflict_rule.create',
      subject: { type: 'conflict_rule', id: row.id },
      before: null,
      after: auditedRule(row),
      occurredAt: now,
    });
    return ruleView(row, now);
  });
}

export async function updateRule(
  deps: ParticipationDeps,
  actor: AdminActor,
  ruleId: string,
  input: ConflictRuleFields,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const before = await tx.conflictRule.findUnique({ where: { id: ruleId } });
    if (!before) throw ruleNotFound();
    const row = await tx.conflictRule.update({
      where: { id: ruleId },
      data: { ...storedFields(input), updatedBy: actor.adminId, updatedAt: now },
    });
    await recordAdminAction(tx, {
      actor,
      permission: rulePermission,
      action: 'participation.conflict_rule.update',
      subject: { type: 'conflict_rule', id: ruleId },
      before: auditedRule(before),
      after: auditedRule(row),
      occurredAt: now,
    });
    return ruleView(row, now);
  });
}

/** Disabled rules stop applying but stay, with their violations, for the record. */
export async function disableRule(
  deps: ParticipationDeps,
  actor: AdminActor,
  { ruleId, reason }: DisableConflictRuleInput,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.conflictRule.updateMany({
      where: { id: ruleId, disabledAt: null },
      data: { disabledAt: now, updatedBy: actor.adminId, updatedAt: now },
    });
    const row = await tx.conflictRule.findUnique({ where: { id: ruleId } });
    if (!row) throw ruleNotFound();
    // Disabling a disabled rule changes nothing, so there is nothing to record.
    if (count === 1) {
      await recordAdminAction(tx, {
        actor,
        permission: rulePermission,
        action: 'participation.conflict_rule.disable',
        subject: { type: 'conflict_rule', id: ruleId },
        before: { ...auditedRule(row), disabledAt: null },
        after: auditedRule(row),
        reason,
        occurredAt: now,
      });
    }
    return ruleView(row, now);
  });
}

function violationView(
  row: RuleViolation & { rule: { name: string; type: ConflictRuleRow['type'] } },
) {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.rule.name,
    ruleType: row.rule.type,
    streamerId: row.streamerId,
    campaignId: row.campaignId,
    brandId: row.brandId,
    severity: row.severity,
    outcome: row.outcome,
    attempt: row.attempt,
    message: row.message,
    override: row.overriddenAt
      ? {
          by: row.overriddenBy!,
          at: row.overriddenAt,
          note: row.overrideNote ?? '',
          usedAt: row.overrideUsedAt,
        }
      : null,
    createdAt: row.createdAt,
  };
}

export async function listViolations(
  deps: ParticipationDeps,
  input: z.output<typeof listViolationsInputSchema>,
) {
  const { limit, cursor, ruleId, streamerId, campaignId, outcome } = input;
  const rows = await deps.db.ruleViolation.findMany({
    where: {
      ...(ruleId ? { ruleId } : {}),
      ...(streamerId ? { streamerId } : {}),
      ...(campaignId ? { campaignId } : {}),
      ...(outcome ? { outcome } : {}),
      ...violationsCursor.rowsAfter(cursor),
    },
    include: { rule: { select: { name: true, type: true } } },
    orderBy: violationsCursor.orderBy(),
    take: limit + 1,
  });
  return violationsCursor.pageOf(rows, limit, violationView);
}

/**
 * Lets the streamer of a refused blocking violation into that campaign once: the next join (or
 * approval) treats that rule as passed for them and uses the override up.
 */
export async function overrideViolation(
  deps: ParticipationDeps,
  actor: AdminActor,
  input: OverrideViolationInput,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const violation = await tx.ruleViolation.findUnique({ where: { id: input.violationId } });
    if (!violation)
      throw new DomainError('not_found', 'violation_not_found', 'There is no such violation.');
    if (violation.severity !== 'blocking' || violation.outcome !== 'refused') {
      throw new DomainError(
        'precondition_failed',
        'not_overridable',
        'Only a refusal by a blocking rule can be overridden; streamers acknowledge warnings themselves.',
      );
    }
    const { count } = await tx.ruleViolation.updateMany({
      where: { id: violation.id, overriddenAt: null },
      data: { overriddenBy: actor.adminId, overriddenAt: now, overrideNote: input.note },
    });
    if (count === 0)
      throw new DomainError(
        'conflict',
        'already_overridden',
        'This violation was already overridden.',
      );
    await recordAdminAction(tx, {
      actor,
      permission: rulePermission,
      action: 'participation.violation.override',
      subject: { type: 'rule_violation', id: violation.id },
      before: { overridden: false },
      after: {
        overridden: true,
        ruleId: violation.ruleId,
        streamerId: violation.streamerId,
        campaignId: violation.campaignId,
      },
      reason: input.note,
      occurredAt: now,
    });
    const row = await tx.ruleViolation.findUniqueOrThrow({
      where: { id: violation.id },
      include: { rule: { select: { name: true, type: true } } },
    });
    return violationView(row);
  });
}
