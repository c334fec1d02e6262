import { randomUUID } from 'node:crypto';
import { errorOf, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestCast, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from './generated/prisma/client';
import type { NotificationHarness } from './testing/notification-harness';
import { startNotificationHarness } from './testing/notification-harness';

let issuer: TestTokenIssuer;
let harness: NotificationHarness;
const owner = testCast().brandA;
/** Brand A's notification from a real event; each case works on its own copy. */
let source: Notification;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startNotificationHarness({ jwksUrl: issuer.jwksUrl });
  const eventId = await harness.send('campaign.approved', {
    campaignId: randomUUID(),
    brandId: owner.userId,
    title: 'Owned',
    approvedBy: randomUUID(),
  });
  source = await harness.db.notification.findFirstOrThrow({ where: { eventId } });
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

type Client = ReturnType<NotificationHarness['client']>;
type Who = 'anonymous' | 'owner' | 'otherBrand' | 'streamer' | 'superAdmin' | 'powerlessAdmin';
const everyone: Who[] = ['anonymous', 'owner', 'otherBrand', 'streamer', 'superAdmin', 'powerlessAdmin'];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

interface ProcedureCase {
  call: (client: Client, notificationId: string) => Promise<unknown>;
  expected: Record<Who, Outcome>;
  /** Who changes the owner's notification by calling (everyone else leaves it as it was). */
  changes?: Who[];
}

/** Anyone signed in, on their own inbox and preferences. */
const signedIn: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  owner: 'ok',
  otherBrand: 'ok',
  streamer: 'ok',
  superAdmin: 'ok',
  powerlessAdmin: 'ok',
};
/** Only the notification's own recipient: admins included, nobody else finds it. */
const ownerOnly: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  owner: 'ok',
  otherBrand: 'NOT_FOUND',
  streamer: 'NOT_FOUND',
  superAdmin: 'NOT_FOUND',
  powerlessAdmin: 'NOT_FOUND',
};

const procedures: Record<string, ProcedureCase> = {
  'notification.inbox.list': { call: (client) => client.notification.inbox.list.query({}), expected: signedIn },
  'notification.inbox.unreadCount': { call: (client) => client.notification.inbox.unreadCount.query(), expected: signedIn },
  'notification.inbox.markRead': {
    call: (client, notificationId) => client.notification.inbox.markRead.mutate({ notificationId }),
    expected: ownerOnly,
    changes: ['owner'],
  },
  'notification.inbox.markAllRead': {
    call: (client) => client.notification.inbox.markAllRead.mutate(),
    expected: signedIn,
    changes: ['owner'],
  },
  'notification.inbox.archive': {
    call: (client, notificationId) => client.notification.inbox.archive.mutate({ notificationId }),
    expected: ownerOnly,
    changes: ['owner'],
  },
  'notification.preferences.get': { call: (client) => client.notification.preferences.get.query(), expected: signedIn },
  'notification.preferences.set': {
    call: (client) => client.notification.preferences.set.mutate({ category: 'campaign_status', channel: 'email', enabled: false }),
    expected: signedIn,
  },
};

async function clientFor(who: Who, cast: TestCast): Promise<Client> {
  const person = {
    anonymous: undefined,
    owner,
    otherBrand: cast.brandB,
    streamer: cast.streamerA,
    superAdmin: cast.superAdmin,
    powerlessAdmin: cast.powerlessAdmin,
  }[who];
  return harness.client(person ? await issuer.tokenFor(person) : undefined);
}

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return errorOf(error).code as Outcome;
  }
}

/** A copy of brand A's notification under new ids, unread. */
async function copyOf(): Promise<Notification> {
  await harness.db.notification.updateMany({ where: { userId: owner.userId }, data: { readAt: new Date(0) } });
  return harness.db.notification.create({ data: { ...source, id: randomUUID(), eventId: randomUUID() } });
}

describe.each(Object.entries(procedures))('%s', (_name, procedure) => {
  it.each(everyone)('as %s', async (who) => {
    const cast = testCast();
    const notification = await copyOf();
    const preferencesBefore = await harness.db.preference.findMany({ where: { userId: owner.userId } });

    const outcome = await outcomeOf(procedure.call(await clientFor(who, cast), notification.id));
    expect(outcome).toBe(procedure.expected[who]);

    const after = await harness.db.notification.findUniqueOrThrow({ where: { id: notification.id } });
    if (procedure.changes?.includes(who)) expect(after).not.toEqual(notification);
    else expect(after).toEqual(notification);
    // Nobody's call changes the owner's preferences but the owner's own.
    if (who !== 'owner') expect(await harness.db.preference.findMany({ where: { userId: owner.userId } })).toEqual(preferencesBefore);
  });
});

describe('ids cannot be probed', () => {
  it('answers another person the same for an existing notification and a made-up id', async () => {
    const other = harness.client(await issuer.tokenFor(testCast().streamerB));
    const existing = await outcomeOf(other.notification.inbox.markRead.mutate({ notificationId: source.id }));
    const madeUp = await outcomeOf(other.notification.inbox.markRead.mutate({ notificationId: randomUUID() }));
    expect([existing, madeUp]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('lists only what the caller was sent', async () => {
    const other = harness.client(await issuer.tokenFor(testCast().superAdmin));
    expect((await other.notification.inbox.list.query({ filter: 'all' })).items).toEqual([]);
    expect((await other.notification.inbox.list.query({ filter: 'archived' })).items).toEqual([]);
  });
});
