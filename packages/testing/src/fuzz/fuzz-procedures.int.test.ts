import path from 'node:path';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import pg from 'pg';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { TestDatabase } from '../test-database';
import { createTestDatabase } from '../test-database';
import { fuzzProcedures } from './fuzz-procedures';

const t = initTRPC.meta<{ access?: 'public' | 'internal' }>().create({ transformer: superjson });
const open = t.procedure.meta({ access: 'public' });
let database: TestDatabase;
let pool: pg.Pool;
let server: ReturnType<typeof createHTTPServer>;
let url: string;

/** A service with one defect of each kind the fuzz must find, and one procedure without any. */
const faultyRouter = t.router({
  notes: t.router({
    add: open.input(z.object({ text: z.string().max(50) })).mutation(async ({ input }) => {
      await pool.query('INSERT INTO "notes" ("text") VALUES ($1)', [input.text]);
      return 'added';
    }),
    addThenRefuse: open
      .input(z.object({ text: z.string().max(50) }))
      .mutation(async ({ input }) => {
        await pool.query('INSERT INTO "notes" ("text") VALUES ($1)', ['half-done']);
        if (input.text.length > 5)
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'Too long' });
        return 'added';
      }),
    slowForBigNumbers: open.input(z.object({ count: z.number() })).query(async ({ input }) => {
      if (input.count > 1_000_000) await new Promise((resolve) => setTimeout(resolve, 5_000));
      return input.count;
    }),
    acceptsAnyDate: open.input(z.object({ at: z.date() })).query(({ input }) => input.at.getTime()),
    unguarded: t.procedure.query(() => 'who may call me?'),
    wellBehaved: open
      .input(
        z.object({
          text: z
            .string()
            .max(50)
            .regex(/^[a-z ]*$/),
          at: z.date().min(new Date('2000-01-01')).max(new Date('2100-01-01')),
        }),
      )
      .mutation(async ({ input }) => {
        await pool.query('INSERT INTO "notes" ("text", "at") VALUES ($1, $2)', [
          input.text,
          input.at,
        ]);
        return 'added';
      }),
  }),
});

beforeAll(async () => {
  const migrations = await mkdtemp(path.join(tmpdir(), 'fuzz-migrations-'));
  await mkdir(path.join(migrations, '0001_notes'));
  await writeFile(
    path.join(migrations, '0001_notes', 'migration.sql'),
    'CREATE TABLE "notes" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "text" text NOT NULL, "at" timestamptz);',
  );
  database = await createTestDatabase(migrations, 'fuzz');
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  server = createHTTPServer({ router: faultyRouter, basePath: '/trpc/' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await pool.end();
  await database.drop();
});

it(
  'finds each kind of defect, where it is, and nothing in a procedure without one',
  { timeout: 120_000 },
  async () => {
    const { findings, calls, procedures } = await fuzzProcedures(
      {
        name: 'faulty',
        router: faultyRouter,
        url,
        databaseUrl: database.url,
        serviceSecret: 'fuzz-test-service-secret-of-32-chars',
        callers: { brand: [], streamer: [], admin: 'unused' },
        now: new Date('2026-03-08T07:30:00Z'),
        callTimeoutMs: 1_000,
      },
      { seed: 42, runs: 30 },
    );
    const problemsOf = (procedure: string) =>
      findings
        .filter((finding) => finding.procedure === procedure)
        .map((finding) => finding.problem);

    expect(procedures).toBe(6);
    expect(problemsOf('notes.add')).toContainEqual(expect.stringMatching(/^answered 500/));
    expect(problemsOf('notes.addThenRefuse')).toContainEqual(
      'refused with 400 but wrote notes:INSERT',
    );
    expect(problemsOf('notes.slowForBigNumbers')).toContainEqual('no answer within 1000 ms');
    expect(problemsOf('notes.acceptsAnyDate')).toContainEqual(
      'answered 200 to a date out of range, not 400',
    );
    expect(problemsOf('notes.unguarded')).toEqual([
      'no access recorded in its meta: build it with the kit',
    ]);
    expect(problemsOf('notes.wellBehaved')).toEqual([]);
    expect(calls.answered).toBeGreaterThan(10);
  },
);
