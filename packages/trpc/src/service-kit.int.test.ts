import { SignJWT, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import { createAccessTokenVerifierWithKeys, signServiceToken } from '@gametriggers/tokens';
import { testServerUrl } from '@gametriggers/testing';
import pg from 'pg';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DomainError,
  adminProcedure,
  authedProcedure,
  brandProcedure,
  internalProcedure,
  publicProcedure,
  router,
  startService,
  streamerProcedure,
} from './index';
import type { RunningService } from './index';

const serviceSecret = 'kit-test-service-secret-at-least-32-chars';
let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
let service: RunningService;
let databaseUp = true;
const database = new pg.Pool({ connectionString: testServerUrl, max: 2 });
const newestCursor = keysetCursor('kit.newest', {
  createdAt: cursorParts.instant,
  id: cursorParts.id,
});

/** What a procedure whose schema is too loose sends on to PostgreSQL. */
const castsThatPostgresRefuses = {
  timestamp: ['SELECT $1::timestamptz AS value', '300000-01-01T00:00:00Z'],
  nul: ['SELECT $1::text AS value', 'a\u0000b'],
  integer: ['SELECT $1::int AS value', '99999999999'],
  uuid: ['SELECT $1::uuid AS value', 'not-a-uuid'],
  numeric: ['SELECT $1::numeric(3, 0) AS value', '12345'],
} as const;

const testRouter = router({
  kit: router({
    echo: publicProcedure
      .input(z.object({ name: z.string().min(2, 'Use at least 2 characters.') }))
      .query(({ input }) => ({ hello: input.name, at: new Date(0) })),
    whoami: authedProcedure.query(({ ctx }) => ({ id: ctx.caller.userId, role: ctx.caller.role })),
    brandOnly: brandProcedure.query(() => 'brand'),
    streamerOnly: streamerProcedure.query(() => 'streamer'),
    verifyBrands: adminProcedure('canVerifyBrands').query(() => 'verified'),
    internalOnly: internalProcedure.query(({ ctx }) => ctx.caller.service),
    conflict: publicProcedure.mutation(() => {
      throw new DomainError('conflict', 'already_there', 'It is already there.', { id: 7 });
    }),
    refuseField: publicProcedure.mutation(() => {
      throw new DomainError('precondition_failed', 'file_refused', 'The second file was refused.', undefined, {
        'files.1': ['The file was refused: not a PDF'],
      });
    }),
    crash: publicProcedure.query(() => {
      throw new Error('secret internal detail');
    }),
    storeLoosely: publicProcedure
      .input(z.object({ kind: z.enum(['timestamp', 'nul', 'integer', 'uuid', 'numeric']) }))
      .query(async ({ input }) => {
        const [sql, value] = castsThatPostgresRefuses[input.kind];
        await database.query(sql, [value]);
        return 'stored';
      }),
    page: publicProcedure
      .input(z.object({ cursor: z.string() }))
      .query(({ input }) => newestCursor.decode(input.cursor).id),
    slow: publicProcedure.query(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return 'done';
    }),
  }),
});

async function accessToken(claims: Record<string, unknown>, expiresIn = '5m') {
  return new SignJWT({ email: 'x@example.com', permissions: [], ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' })
    .setSubject('3f1c2a44-9a47-4c1b-8d6e-1f0a2b3c4d5e')
    .setIssuer('test-issuer')
    .setAudience('test-audience')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keys.privateKey);
}

function client(headers: Record<string, string> = {}) {
  return createTRPCClient<typeof testRouter>({
    links: [httpLink({ url: `${service.url}/trpc`, transformer: superjson, headers })],
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { message: error.message, ...(error.data as Record<string, unknown>) };
    }
    throw error;
  }
  throw new Error('Expected a failure');
}

beforeAll(async () => {
  keys = await generateKeyPair('ES256');
  service = await startService({
    name: 'kit-test',
    port: 0,
    router: testRouter,
    auth: {
      accessTokens: createAccessTokenVerifierWithKeys(() => Promise.resolve(keys.publicKey), {
        issuer: 'test-issuer',
        audience: 'test-audience',
      }),
      serviceSecret,
    },
    readiness: {
      database: () =>
        databaseUp ? Promise.resolve() : Promise.reject(new Error('connection refused')),
    },
    outbox: {
      backlog: () =>
        Promise.resolve({ pending: 3, oldestPendingAt: new Date('2026-11-24T15:00:00Z') }),
    },
  });
});
afterAll(async () => {
  await service.close(500);
  await database.end();
});

describe('HTTP endpoints', () => {
  it('answers /healthz, /metrics and a JSON 404', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds');
    expect(metrics).toContain('outbox_pending_events{service="kit-test"} 3');
    expect(metrics).toContain('outbox_oldest_pending_timestamp_seconds{service="kit-test"} 1795532400');
    const missing = await fetch(`${service.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('/readyz reports each check and fails when one does', async () => {
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    databaseUp = false;
    const down = await fetch(`${service.url}/readyz`);
    databaseUp = true;
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: { database: 'connection refused' } });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${service.url}/healthz`, { headers: { 'x-request-id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const made = await fetch(`${service.url}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await fetch(`${service.url}/trpc/kit.conflict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});

describe('errors', () => {
  it('turns validation failures into a 400 naming the field', async () => {
    const error = await failure(client().kit.echo.query({ name: 'x' }));
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: { name: ['Use at least 2 characters.'] },
    });
    expect(error.message).toBe('name: Use at least 2 characters.');
  });

  it('maps domain errors to their code with reason and details', async () => {
    expect(await failure(client().kit.conflict.mutate())).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      reason: 'already_there',
      details: { id: 7 },
      message: 'It is already there.',
    });
  });

  it('passes a domain error’s field errors on, as a validation failure’s', async () => {
    expect(await failure(client().kit.refuseField.mutate())).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'file_refused',
      fieldErrors: { 'files.1': ['The file was refused: not a PDF'] },
    });
  });

  it('hides internal faults behind a request id', async () => {
    const error = await failure(client({ 'x-request-id': 'trace-me' }).kit.crash.query());
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-me' });
    expect(error.message).not.toContain('secret internal detail');
    expect(error.message).toContain('trace-me');
  });

  it('answers 400 input_out_of_range for every value PostgreSQL refuses', async () => {
    for (const kind of Object.keys(castsThatPostgresRefuses) as Array<
      keyof typeof castsThatPostgresRefuses
    >) {
      const error = await failure(client().kit.storeLoosely.query({ kind }));
      expect(error, kind).toMatchObject({
        code: 'BAD_REQUEST',
        httpStatus: 400,
        reason: 'input_out_of_range',
      });
      expect(error.message, kind).toMatch(
        /^We could not use what was sent: a (text|number|date|value) /,
      );
    }
  });

  it('refuses a cursor it did not make with invalid_cursor', async () => {
    const id = '3f1c2a44-9a47-4c1b-8d6e-1f0a2b3c4d5e';
    expect(
      await client().kit.page.query({
        cursor: newestCursor.encode({ createdAt: new Date('2026-03-29T01:30:00Z'), id }),
      }),
    ).toBe(id);
    const forged = Buffer.from(
      JSON.stringify(['kit.newest', '+275760-09-13T00:00:00.000Z', id]),
    ).toString('base64url');
    expect(await failure(client().kit.page.query({ cursor: forged }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_cursor',
    });
  });

  it('keeps superjson types', async () => {
    const result = await client().kit.echo.query({ name: 'Ada' });
    expect(result.at).toBeInstanceOf(Date);
  });
});

describe('procedures by role', () => {
  it('authed needs a valid, unexpired token', async () => {
    expect(await failure(client().kit.whoami.query())).toMatchObject({ code: 'UNAUTHORIZED' });
    const expired = await accessToken({ role: 'brand' }, '-1m');
    expect(
      await failure(client({ authorization: `Bearer ${expired}` }).kit.whoami.query()),
    ).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The access token has expired.',
    });
    const brand = await accessToken({ role: 'brand' });
    await expect(
      client({ authorization: `Bearer ${brand}` }).kit.whoami.query(),
    ).resolves.toMatchObject({ role: 'brand' });
  });

  it('brand and streamer procedures admit only their role', async () => {
    const brand = client({ authorization: `Bearer ${await accessToken({ role: 'brand' })}` });
    const streamer = client({ authorization: `Bearer ${await accessToken({ role: 'streamer' })}` });
    await expect(brand.kit.brandOnly.query()).resolves.toBe('brand');
    expect(await failure(streamer.kit.brandOnly.query())).toMatchObject({ code: 'FORBIDDEN' });
    await expect(streamer.kit.streamerOnly.query()).resolves.toBe('streamer');
    expect(await failure(brand.kit.streamerOnly.query())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('admin procedures check the permission flag', async () => {
    const withFlag = client({
      authorization: `Bearer ${await accessToken({ role: 'admin', adminRole: 'moderator', permissions: ['canVerifyBrands'] })}`,
    });
    const withoutFlag = client({
      authorization: `Bearer ${await accessToken({ role: 'admin', adminRole: 'support', permissions: ['canManageDisputes'] })}`,
    });
    const brand = client({ authorization: `Bearer ${await accessToken({ role: 'brand' })}` });
    await expect(withFlag.kit.verifyBrands.query()).resolves.toBe('verified');
    expect(await failure(withoutFlag.kit.verifyBrands.query())).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This needs the canVerifyBrands admin permission.',
    });
    expect(await failure(brand.kit.verifyBrands.query())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('internal procedures need a service credential', async () => {
    const token = await signServiceToken(serviceSecret, 'campaign');
    await expect(client({ 'x-service-token': token }).kit.internalOnly.query()).resolves.toBe(
      'campaign',
    );
    const wrongSecret = await signServiceToken('another-secret-that-is-32-chars-long!', 'campaign');
    expect(
      await failure(client({ 'x-service-token': wrongSecret }).kit.internalOnly.query()),
    ).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const user = client({
      authorization: `Bearer ${await accessToken({ role: 'admin', permissions: [] })}`,
    });
    expect(await failure(user.kit.internalOnly.query())).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const other = await startService({
      name: 'kit-drain',
      port: 0,
      router: testRouter,
      auth: {
        accessTokens: createAccessTokenVerifierWithKeys(() => Promise.resolve(keys.publicKey), {
          issuer: 'test-issuer',
          audience: 'test-audience',
        }),
        serviceSecret,
      },
      readiness: {},
    });
    const slowClient = createTRPCClient<typeof testRouter>({
      links: [httpLink({ url: `${other.url}/trpc`, transformer: superjson })],
    });
    const inFlight = slowClient.kit.slow.query();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.close(2_000);
    await expect(inFlight).resolves.toBe('done');
    await expect(fetch(`${other.url}/healthz`)).rejects.toThrow();
  });
});
