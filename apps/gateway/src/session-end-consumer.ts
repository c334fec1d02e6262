import { startStorelessEventConsumer } from '@gametriggers/events';
import type { Logger } from 'pino';
import type { SessionRevocations } from './session-revocations';

export interface SessionEndConsumerOptions {
  redisUrl: string;
  queuePrefix?: string | undefined;
  revocations: SessionRevocations;
  log?: Logger;
}

/**
 * The gateway's `events.gateway` queue: identity's session endings (a suspension, a password change,
 * "sign out of other devices", each recorded through its outbox in the change's transaction) become
 * entries of the revocation list. Several gateways share the queue and the list: whichever takes the
 * job writes the entry every gateway reads. Entries keep the latest instant, so a redelivery or a
 * late event is harmless and no processed-event store is needed.
 */
export function startSessionEndConsumer(options: SessionEndConsumerOptions) {
  const { revocations } = options;
  return startStorelessEventConsumer({
    service: 'gateway',
    redisUrl: options.redisUrl,
    queuePrefix: options.queuePrefix,
    handlers: {
      'user.suspended': ({ payload }) =>
        revocations.revokeIssuedUpTo(payload.userId, new Date(payload.suspendedAt)),
      'user.password_changed': ({ payload }) =>
        revocations.revokeOtherSessionsUpTo(
          payload.userId,
          new Date(payload.changedAt),
          payload.keptSessionId,
        ),
      'user.other_sessions_ended': ({ payload }) =>
        revocations.revokeOtherSessionsUpTo(
          payload.userId,
          new Date(payload.endedAt),
          payload.keptSessionId,
        ),
    },
    ...(options.log ? { log: options.log } : {}),
  });
}
