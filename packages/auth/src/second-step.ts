/**
 * An admin's password earns a challenge, not a session. The credentials provider hands it back to
 * the sign-in page through next-auth's error text (the one channel it has), as
 * `second-step:<code|enrol>:<challengeToken>`; the page reads it with `secondStepOf`.
 */
export type SecondStep = { kind: 'code' | 'enrol'; challengeToken: string };

const PREFIX = 'second-step:';

export function secondStepSignal(step: SecondStep): string {
  return `${PREFIX}${step.kind}:${step.challengeToken}`;
}

export function secondStepOf(error: string | null | undefined): SecondStep | undefined {
  if (!error?.startsWith(PREFIX)) return undefined;
  const [kind, challengeToken] = error.slice(PREFIX.length).split(':');
  if ((kind !== 'code' && kind !== 'enrol') || !challengeToken) return undefined;
  return { kind, challengeToken };
}

/** Identity's refusal reasons that mean "go on to the second step". */
export const secondStepByReason: Record<string, SecondStep['kind']> = {
  second_factor_required: 'code',
  two_factor_enrolment_required: 'enrol',
};
