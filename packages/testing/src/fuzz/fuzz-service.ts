import type { AnyTRPCRouter } from '@trpc/server';
import type { TestCast, TestTokenIssuer } from '../token-issuer';
import type { FuzzCallers, FuzzFinding, FuzzTarget } from './fuzz-procedures';
import { fuzzProcedures, fuzzSettings, reportFindings } from './fuzz-procedures';

/** The fuzz callers from the authorization cast, signed by the test token issuer. */
export async function castCallers(issuer: TestTokenIssuer, cast: TestCast): Promise<FuzzCallers> {
  return {
    brand: [await issuer.tokenFor(cast.brandA), await issuer.tokenFor(cast.brandB)],
    streamer: [await issuer.tokenFor(cast.streamerA), await issuer.tokenFor(cast.streamerB)],
    admin: await issuer.tokenFor(cast.superAdmin),
  };
}

/** What the fuzz needs of a service harness (every harness has these). */
export interface FuzzableHarness {
  url: string;
  service: { router: AnyTRPCRouter };
  config: { DATABASE_URL: string; SERVICE_SECRET: string };
}

/** A fuzz target for a running harness. */
export function harnessTarget(
  name: string,
  harness: FuzzableHarness,
  rest: Omit<FuzzTarget, 'name' | 'router' | 'url' | 'databaseUrl' | 'serviceSecret'>,
): FuzzTarget {
  return {
    name,
    router: harness.service.router,
    url: harness.url,
    databaseUrl: harness.config.DATABASE_URL,
    serviceSecret: harness.config.SERVICE_SECRET,
    ...rest,
  };
}

/**
 * The schema-driven fuzz of a service (see `fuzzProcedures`), seeded from `FUZZ_SEED` or at random
 * and printed for replay; `FUZZ_RUNS` sets the inputs per procedure and caller.
 */
export async function fuzzService(
  target: FuzzTarget,
): Promise<{ findings: FuzzFinding[]; report: string }> {
  const settings = fuzzSettings();
  console.warn(
    `[fuzz] ${target.name}: seed ${settings.seed}, ${settings.runs} inputs per procedure and caller (FUZZ_SEED=${settings.seed} replays them)`,
  );
  const { findings, calls, procedures } = await fuzzProcedures(target, settings);
  const outcomes = Object.entries(calls)
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  console.warn(`[fuzz] ${target.name}: ${procedures} procedures, calls ended: ${outcomes}`);
  return { findings, report: reportFindings(target.name, settings.seed, findings) };
}
