import { describe, expect, it } from 'vitest';
import { readIdentityEnv } from './env';

const required = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/gt_identity',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SERVICE_SECRET: 'a-service-secret-of-at-least-32-chars',
  SIGNING_KEY_SECRET: 'a-signing-key-secret-of-32-chars!!',
};

describe('identity environment', () => {
  it('gives access tokens 15 minutes unless told otherwise', () => {
    expect(readIdentityEnv(required).ACCESS_TOKEN_TTL_SECONDS).toBe(900);
    expect(
      readIdentityEnv({ ...required, ACCESS_TOKEN_TTL_SECONDS: '6' }).ACCESS_TOKEN_TTL_SECONDS,
    ).toBe(6);
  });

  it('refuses a lifetime that is not a positive whole number of seconds', () => {
    for (const value of ['0', '-5', '1.5', 'soon', String(2 * 24 * 60 * 60)]) {
      expect(() => readIdentityEnv({ ...required, ACCESS_TOKEN_TTL_SECONDS: value })).toThrow(
        /ACCESS_TOKEN_TTL_SECONDS is invalid/,
      );
    }
  });
});
