import { describe, expect, it } from 'vitest';
import { secondStepOf, secondStepSignal } from './second-step';

describe('the second-step signal', () => {
  it('carries the step and the challenge token through next-auth’s error text', () => {
    const step = { kind: 'enrol' as const, challengeToken: 'abc_DEF-123' };
    expect(secondStepOf(secondStepSignal(step))).toEqual(step);
  });

  it('reads nothing from any other error', () => {
    for (const error of [undefined, null, 'CredentialsSignin', 'second-step:sms:x', 'second-step:code:']) {
      expect(secondStepOf(error)).toBeUndefined();
    }
  });
});
