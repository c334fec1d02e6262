import { describe, expect, it } from 'vitest';
import { deadLetterQueueName, deadLetterServiceOf, eventQueueName, redisConnection } from './queues';

describe('queue naming and connections', () => {
  it('names a service queue and its dead letters', () => {
    expect(eventQueueName('identity')).toBe('events.identity');
    expect(deadLetterQueueName('identity')).toBe('events.identity.dead');
    expect(deadLetterServiceOf(deadLetterQueueName('identity'))).toBe('identity');
    expect(deadLetterServiceOf(eventQueueName('identity'))).toBeNull();
    expect(deadLetterServiceOf('payment-reconciliation')).toBeNull();
  });

  it('turns a redis url into worker-safe connection options', () => {
    expect(redisConnection('redis://user:p%40ss@cache.local:6380/3')).toEqual({
      host: 'cache.local',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
      maxRetriesPerRequest: null,
    });
    expect(redisConnection('redis://127.0.0.1')).toMatchObject({ port: 6379, db: 0 });
  });
});
