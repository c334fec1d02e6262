import { ruleParamsSchema, ruleScopeSchema } from '@gametriggers/contracts';
import type { ConflictRule as ConflictRuleRow } from '../generated/prisma/client';
import type { ConflictRule } from './conflict-rules';

/** A stored rule as the evaluator takes it; params and scope are JSON checked on the way in and out. */
export function conflictRuleOf(row: ConflictRuleRow): ConflictRule {
  return {
    id: row.id,
    name: row.name,
    message: row.message,
    severity: row.severity,
    params: ruleParamsSchema.parse(row.params),
    scope: ruleScopeSchema.parse(row.scope),
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    disabledAt: row.disabledAt,
  };
}
