import { startStorelessEventConsumer } from '@gametriggers/events';
import type { Logger } from 'pino';
import type { SessionRevocations } from './session-revocations';

export interface SuspensionConsumerOptions {
  redisUrl: string;
  queuePrefix?: string | undefined;
  revocations: SessionRevocations;
  log?: Logger;
}

/**
 * The gateway's `events.gateway` queue: identity's `user.suspended` (recorded through its outbox in
 * the suspension's transaction) becomes an entry of the revocation list. Several gateways share the
 * queue and the list: whichever takes the job writes the entry every gateway reads. Keeping the
 * latest instant makes a redelivery or a late event harmless, so no processed-event store is needed.
 */
export function startSuspensionConsumer(options: SuspensionConsumerOptions) {
  return startStorelessEventConsumer({
    service: 'gateway',
    redisUrl: options.redisUrl,
    queuePrefix: options.queuePrefix,
    handlers: {
      'user.suspended': (event) =>
        options.revocations.revokeIssuedUpTo(
          event.payload.userId,
          new Date(event.payload.suspendedAt),
        ),
    },
    ...(options.log ? { log: options.log } : {}),
  });
}
