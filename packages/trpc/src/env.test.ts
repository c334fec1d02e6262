import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidEnvironmentError, parseEnv } from './env';

describe('parseEnv', () => {
  const schema = z.object({ DATABASE_URL: z.string().url(), PORT: z.coerce.number().int() });

  it('returns the typed values', () => {
    expect(parseEnv('svc', schema, { DATABASE_URL: 'postgresql://x/y', PORT: '4100' })).toEqual({
      DATABASE_URL: 'postgresql://x/y',
      PORT: 4100,
    });
  });

  it('lists every missing and invalid variable in one message', () => {
    try {
      parseEnv('svc', schema, { PORT: 'abc' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const message = (error as Error).message;
      expect(message).toContain('svc cannot start');
      expect(message).toContain('DATABASE_URL is missing');
      expect(message).toContain('PORT is invalid');
    }
  });
});
