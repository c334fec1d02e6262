import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCast, TestTokenIssuer } from '../token-issuer';
import { startTestTokenIssuer, testCast } from '../token-issuer';
import type { FuzzableHarness } from './fuzz-service';
import { castCallers, fuzzService, harnessTarget } from './fuzz-service';
import type { FuzzCallers } from './fuzz-procedures';

/** The instant a fuzzed service's clock shows unless its set-up says otherwise. */
export const fuzzNow = new Date('2026-03-08T07:30:00Z');

/** A running service with the data the fuzz should meet, and how to stop it. */
export interface FuzzedService {
  harness: FuzzableHarness;
  close: () => Promise<void>;
  /** Who calls it; by default the cast, signed by the test token issuer. */
  callers?: FuzzCallers;
  /** The instant its clock shows, when not `fuzzNow`. */
  now?: Date;
  /** Tables its own background work writes while calls run (`table:OPERATION`), not the calls. */
  backgroundWrites?: readonly string[];
  /** Writes a refused call makes by design (`table:OPERATION`, e.g. counting failed sign-ins). */
  refusalsMayWrite?: readonly string[];
}

/**
 * Registers the schema-driven fuzz of a service (see `fuzzService`) as one test: `start` runs the
 * service (its clock at `now`) and seeds what it needs, so that the fuzz meets ids of real rows.
 */
export function itFuzzesEveryProcedure(options: {
  service: string;
  start: (context: {
    issuer: TestTokenIssuer;
    cast: TestCast;
    now: Date;
  }) => Promise<FuzzedService>;
  startTimeoutMs?: number;
}): void {
  const cast = testCast();
  let issuer: TestTokenIssuer;
  let fuzzed: FuzzedService;

  beforeAll(async () => {
    issuer = await startTestTokenIssuer();
    fuzzed = await options.start({ issuer, cast, now: fuzzNow });
  }, options.startTimeoutMs ?? 120_000);
  afterAll(async () => {
    await fuzzed?.close();
    await issuer?.close();
  });

  it(
    'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
    { timeout: 600_000 },
    async () => {
      const { findings, report } = await fuzzService(
        harnessTarget(options.service, fuzzed.harness, {
          callers: fuzzed.callers ?? (await castCallers(issuer, cast)),
          now: fuzzed.now ?? fuzzNow,
          backgroundWrites: fuzzed.backgroundWrites,
          refusalsMayWrite: fuzzed.refusalsMayWrite,
        }),
      );
      expect(findings, report).toEqual([]);
    },
  );
}
