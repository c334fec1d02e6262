import type { TestPerson } from '@gametriggers/testing';
import { adminWith, checkAdminAuthorization, errorOf, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOverlayRouter } from './router';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';

type Client = ReturnType<OverlayHarness['client']>;
const callerNames = ['anonymous', 'brandA', 'brandB', 'streamerA', 'streamerB', 'moderatorAdmin', 'powerlessAdmin'] as const;
type CallerName = (typeof callerNames)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'PRECONDITION_FAILED';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;
let clients: Record<CallerName, Client>;
const cast = testCast();
let keyOfA: string;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl });
  const people: Record<Exclude<CallerName, 'anonymous'>, TestPerson> = {
    brandA: cast.brandA,
    brandB: cast.brandB,
    streamerA: cast.streamerA,
    streamerB: cast.streamerB,
    moderatorAdmin: adminWith('canModerateContent'),
    powerlessAdmin: cast.powerlessAdmin,
  };
  clients = { anonymous: harness.client() } as Record<CallerName, Client>;
  for (const [name, person] of Object.entries(people)) {
    clients[name as CallerName] = harness.client(await issuer.tokenFor(person));
  }
  keyOfA = (await harness.createOverlayFor(await issuer.tokenFor(cast.streamerA))).key;
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const streamerOnly: Record<CallerName, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  brandA: 'FORBIDDEN',
  brandB: 'FORBIDDEN',
  streamerA: 'ok',
  streamerB: 'ok',
  moderatorAdmin: 'FORBIDDEN',
  powerlessAdmin: 'FORBIDDEN',
};
const moderatorOnly: Record<CallerName, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  brandA: 'FORBIDDEN',
  brandB: 'FORBIDDEN',
  streamerA: 'FORBIDDEN',
  streamerB: 'FORBIDDEN',
  moderatorAdmin: 'ok',
  powerlessAdmin: 'FORBIDDEN',
};
const servicesOnly: Record<CallerName, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  brandA: 'FORBIDDEN',
  brandB: 'FORBIDDEN',
  streamerA: 'FORBIDDEN',
  streamerB: 'FORBIDDEN',
  moderatorAdmin: 'FORBIDDEN',
  powerlessAdmin: 'FORBIDDEN',
};

const procedures: Record<string, { expected: Record<CallerName, Outcome>; call: (client: Client) => Promise<unknown> }> = {
  'overlay.get': { expected: streamerOnly, call: (c) => c.overlay.get.query() },
  'overlay.updateSettings': { expected: streamerOnly, call: (c) => c.overlay.updateSettings.mutate({ opacity: 0.8 }) },
  'overlay.setPaused': { expected: streamerOnly, call: (c) => c.overlay.setPaused.mutate({ paused: false }) },
  'overlay.preview': { expected: streamerOnly, call: (c) => c.overlay.preview.query() },
  // Allowed for streamers, who have no live campaign here: refused for that reason, not for who they are.
  'overlay.testFire': {
    expected: { ...streamerOnly, streamerA: 'PRECONDITION_FAILED', streamerB: 'PRECONDITION_FAILED' },
    call: (c) => c.overlay.testFire.mutate({}),
  },
  'overlay.getForStreamer': {
    expected: moderatorOnly,
    call: (c) => c.overlay.getForStreamer.query({ streamerId: cast.streamerA.userId }),
  },
  'overlay.internal.resolveKey': { expected: servicesOnly, call: (c) => c.overlay.internal.resolveKey.query({ key: keyOfA }) },
};

async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return errorOf(error).code;
  }
}

describe('who may call each overlay procedure', () => {
  for (const [name, { expected, call }] of Object.entries(procedures)) {
    it(name, async () => {
      const actual: Record<string, string> = {};
      for (const caller of callerNames) actual[caller] = await outcomeOf(call(clients[caller]));
      expect(actual).toEqual(expected);
    });
  }

  it('overlay.regenerateKey: streamers only, each their own', async () => {
    for (const caller of ['anonymous', 'brandA', 'moderatorAdmin', 'powerlessAdmin'] as const) {
      expect(await outcomeOf(clients[caller].overlay.regenerateKey.mutate())).not.toBe('ok');
    }
    const ofB = await clients.streamerB.overlay.regenerateKey.mutate();
    expect(ofB.streamerId).toBe(cast.streamerB.userId);
    // B regenerating never touches A's key.
    expect(await harness.serviceClient('analytics').overlay.internal.resolveKey.query({ key: keyOfA })).toMatchObject({
      streamerId: cast.streamerA.userId,
    });
  });

  it('streamer B only ever sees and changes their own overlay', async () => {
    const ofA = await clients.streamerA.overlay.get.query();
    const ofB = await clients.streamerB.overlay.get.query();
    expect(ofB.overlayId).not.toBe(ofA.overlayId);
    expect(ofB.streamerId).toBe(cast.streamerB.userId);
    await clients.streamerB.overlay.updateSettings.mutate({ corner: 'top_left' });
    await clients.streamerB.overlay.setPaused.mutate({ paused: true });
    const aAfter = await clients.streamerA.overlay.get.query();
    expect(aAfter.settings.corner).toBe(ofA.settings.corner);
    expect(aAfter.settings.paused).toBe(false);
  });
});

describe('every admin procedure', () => {
  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createOverlayRouter(harness.service.deps),
      url: harness.url,
      tokenFor: (person) => issuer.tokenFor(person),
    });
    expect(checked.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
