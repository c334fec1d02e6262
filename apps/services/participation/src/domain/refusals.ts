import type { ParticipationRefusalReason } from '@gametriggers/contracts';
import type { DomainErrorKind } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { JoinEvaluation } from './join-checks';

const kindByReason: Record<ParticipationRefusalReason, DomainErrorKind> = {
  campaign_not_active: 'precondition_failed',
  wrong_join_mode: 'precondition_failed',
  already_joined: 'conflict',
  application_pending: 'conflict',
  removed_from_campaign: 'forbidden',
  application_rejected: 'forbidden',
  not_eligible: 'forbidden',
  campaign_full: 'conflict',
  no_key: 'precondition_failed',
  no_energy: 'precondition_failed',
  conflict_rule: 'precondition_failed',
};

/** The first blocker as the error the person sees; the other reasons ride along in the details. */
export function refusalError(evaluation: JoinEvaluation): DomainError {
  const [first, ...others] = evaluation.blockers;
  if (!first) throw new Error('refusalError needs at least one blocker');
  return new DomainError(kindByReason[first.reason], first.reason, first.message, {
    ...first.details,
    ...(others.length ? { otherReasons: others.map((blocker) => blocker.reason) } : {}),
  });
}

/** Thrown inside a join transaction to roll it back; the rule hits are logged after. */
export class JoinRefused extends Error {
  constructor(readonly evaluation: JoinEvaluation) {
    super(evaluation.blockers[0]?.message ?? 'refused');
    this.name = 'JoinRefused';
  }
}
