import { createHash } from 'node:crypto';
import type { AnyTRPCRouter } from '@trpc/server';
import { LEGACY_IMPORTER_SERVICE, SERVICE_TOKEN_HEADER, signServiceToken } from '@gametriggers/tokens';
import type { AdminPermission } from '@gametriggers/tokens';
import fc from 'fast-check';
import superjson from 'superjson';
import type { z } from 'zod';
import { callProcedure } from '../call-procedure';
import { forgedCursors } from './hostile-values';
import { procedureInputArbitraries } from './schema-arbitraries';
import { installWriteLog } from './write-log';

/** Who may call a procedure, as the service kit's builders record it in the procedure's meta. */
type Access = 'public' | 'authed' | 'brand' | 'streamer' | 'admin' | 'internal' | 'legacy_import';

export interface FuzzCallers {
  /** Access tokens of signed-in people of each role (two brands and two streamers, so ids cross owners). */
  brand: readonly string[];
  streamer: readonly string[];
  /** An admin holding every permission. */
  admin: string;
}

export interface FuzzTarget {
  /** The service's name, in messages. */
  name: string;
  router: AnyTRPCRouter;
  /** The running service's base URL. */
  url: string;
  databaseUrl: string;
  serviceSecret: string;
  callers: FuzzCallers;
  /** The instant the service's clock shows. */
  now: Date;
  /** Writes a refused call makes by design, as `table:OPERATION` (e.g. counting failed sign-ins). */
  refusalsMayWrite?: readonly string[];
  /** Writes the service's background work makes at any time, ignored. */
  backgroundWrites?: readonly string[];
  /** How long a call may take before it counts as a hang (default 15 s). */
  callTimeoutMs?: number;
}

export interface FuzzOutcome {
  findings: FuzzFinding[];
  /** Calls made, by how they ended: `answered`, or the HTTP status of the refusal. */
  calls: Record<string, number>;
  procedures: number;
}

export interface FuzzFinding {
  procedure: string;
  caller: string;
  problem: string;
  input: string;
}

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: z.ZodType[];
  meta?: { access?: Access; permission?: AdminPermission };
}

/** Every procedure of a router by path, with what the kit recorded about it. */
export function proceduresOf(router: AnyTRPCRouter): Array<{ path: string; def: ProcedureDef }> {
  const procedures = (router._def as { procedures: Record<string, { _def: ProcedureDef }> })
    .procedures;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, def: procedure._def }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The events kit's relay and consumers write these at any moment, whatever the call in flight. */
const eventsKitBackgroundWrites = [
  'outbox_events:UPDATE',
  'outbox_events:DELETE',
  'processed_events:INSERT',
  'processed_events:DELETE',
];

export const fuzzSettings = () => ({
  seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31),
  runs: process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 8,
});

function describeInput(input: unknown): string {
  const text = JSON.stringify(superjson.serialize(input).json) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

type Headers = () => Promise<Record<string, string>> | Record<string, string>;

const forged = new Set(forgedCursors());
const supported = {
  from: Date.parse('2000-01-01T00:00:00Z'),
  to: Date.parse('2101-01-01T00:00:00Z'),
};

/**
 * The families of input every schema must refuse with a 400 (they reached PostgreSQL and answered
 * 500 before the shared primitives): text with U+0000, dates outside what the product supports,
 * cursors the service did not make. Names the first one `input` holds.
 */
export function refusedFamilyIn(input: unknown, key = ''): string | undefined {
  if (typeof input === 'string') {
    if (input.includes('\u0000')) return 'text with U+0000';
    if (key.toLowerCase().includes('cursor') && forged.has(input)) return 'a forged cursor';
    return undefined;
  }
  if (input instanceof Date) {
    const time = input.getTime();
    // An invalid date travels as `null` (superjson and JSON both send it so): a nullable field may
    // rightly take it, a required one refuses it as missing.
    if (Number.isNaN(time)) return undefined;
    return time < supported.from || time >= supported.to ? 'a date out of range' : undefined;
  }
  if (Array.isArray(input)) {
    for (const item of input) {
      const family = refusedFamilyIn(item, key);
      if (family) return family;
    }
  } else if (input && typeof input === 'object') {
    for (const [name, value] of Object.entries(input)) {
      const family = refusedFamilyIn(value, name);
      if (family) return family;
    }
  }
  return undefined;
}

/**
 * Whether `status` is a right refusal of an input of `family`: a 400, unless the caller was refused
 * first (401/403: an `authed` procedure may admit only some roles) or the request was too large to
 * read (431). A forged cursor may also meet a 404 or 412 first: the list's owner is checked before
 * its page is read.
 */
function refusalFits(family: string, status: number): boolean {
  if (family === 'a forged cursor') return status >= 400;
  return [400, 401, 403, 431].includes(status);
}

const errorMessageOf = (body: unknown) =>
  (body as { error?: { json?: { message?: string } } } | undefined)?.error?.json?.message ??
  String(body).slice(0, 200);

/**
 * Calls every procedure of a running service with inputs generated from its input schema — valid
 * ones and their nastiest neighbours — as each rightful caller, one call at a time, and reports
 * every answer that is a 5xx or no answer, every call that hangs, and every refused call that wrote
 * to the database. A new procedure is covered without being listed. Deterministic for a seed.
 */
export async function fuzzProcedures(
  target: FuzzTarget,
  settings: { seed: number; runs: number },
): Promise<FuzzOutcome> {
  const log = await installWriteLog(target.databaseUrl);
  const findings: FuzzFinding[] = [];
  const calls: Record<string, number> = {};
  const count = (outcome: string) => (calls[outcome] = (calls[outcome] ?? 0) + 1);
  const procedures = proceduresOf(target.router);
  const timeoutMs = target.callTimeoutMs ?? 15_000;
  const cursors = new Set<string>();
  const ignored = new Set([...eventsKitBackgroundWrites, ...(target.backgroundWrites ?? [])]);
  const mayWrite = new Set([...(target.refusalsMayWrite ?? []), ...ignored]);

  const bearer =
    (token: string): Headers =>
    () => ({ authorization: `Bearer ${token}` });
  const callers = {
    anonymous: (() => ({})) as Headers,
    brands: target.callers.brand.map(bearer),
    streamers: target.callers.streamer.map(bearer),
    admin: bearer(target.callers.admin),
    service: (async () => ({
      [SERVICE_TOKEN_HEADER]: await signServiceToken(target.serviceSecret, 'fuzz'),
    })) as Headers,
    legacyImporter: (async () => ({
      [SERVICE_TOKEN_HEADER]: await signServiceToken(target.serviceSecret, LEGACY_IMPORTER_SERVICE),
    })) as Headers,
  };
  type Caller = [string, Headers];
  const brands = callers.brands.map((client, index): Caller => [`brand ${index + 1}`, client]);
  const streamers = callers.streamers.map((client, index): Caller => [
    `streamer ${index + 1}`,
    client,
  ]);
  const admin: Caller = ['admin', callers.admin];
  const rightful: Record<Access, Caller[]> = {
    public: [
      ['anonymous', callers.anonymous],
      ...brands.slice(0, 1),
      ...streamers.slice(0, 1),
      admin,
    ],
    authed: [...brands.slice(0, 1), ...streamers.slice(0, 1), admin],
    brand: brands,
    streamer: streamers,
    admin: [admin],
    internal: [['service', callers.service]],
    legacy_import: [['legacy importer', callers.legacyImporter]],
  };

  try {
    for (const { path, def } of procedures) {
      if (def.type === 'subscription') continue;
      const access = def.meta?.access;
      if (!access) {
        findings.push({
          procedure: path,
          caller: '—',
          problem: 'no access recorded in its meta: build it with the kit',
          input: '',
        });
        continue;
      }
      const context = {
        knownIds: await log.storedIds(),
        knownCursors: [...cursors],
        now: target.now,
      };
      const { valid, hostile } = procedureInputArbitraries(def.inputs, context);
      const inputs = fc.oneof(valid, hostile);
      const procedureSeed =
        settings.seed ^ createHash('sha256').update(path).digest().readInt32BE(0);

      for (const [callerName, headers] of rightful[access]) {
        for (const input of fc.sample(inputs, { seed: procedureSeed, numRuns: settings.runs })) {
          const mark = await log.mark();
          const finding = (problem: string) =>
            findings.push({
              procedure: path,
              caller: callerName,
              problem,
              input: describeInput(input),
            });
          const signal = AbortSignal.timeout(timeoutMs);
          let answer: { status: number; body: unknown };
          try {
            answer = await callProcedure(target.url, {
              path,
              type: def.type,
              input,
              headers: await headers(),
              signal,
            });
          } catch (error) {
            count('no answer');
            finding(
              signal.aborted ? `no answer within ${timeoutMs} ms` : `no answer: ${String(error)}`,
            );
            continue;
          }
          const { status, body } = answer;
          count(status < 300 ? 'answered' : String(status));
          const family = refusedFamilyIn(input);
          if (status >= 500) {
            finding(`answered ${status}: ${errorMessageOf(body)}`);
          } else if (family && !refusalFits(family, status)) {
            finding(`answered ${status} to ${family}, not 400`);
          } else if (status >= 400) {
            const writes = (await log.writesSince(mark)).filter((write) => !mayWrite.has(write));
            if (writes.length) finding(`refused with ${status} but wrote ${writes.join(', ')}`);
          } else {
            const next = (body as { result?: { data?: { json?: { nextCursor?: unknown } } } })
              .result?.data?.json?.nextCursor;
            if (typeof next === 'string') cursors.add(next);
          }
        }
      }
    }
  } finally {
    await log.close();
  }
  return { findings, calls, procedures: procedures.length };
}

/** A readable failure message: each finding once per procedure and problem, with the replay seed. */
export function reportFindings(
  target: string,
  seed: number,
  findings: readonly FuzzFinding[],
): string {
  const seen = new Set<string>();
  const lines = findings
    .filter((finding) => {
      const key = `${finding.procedure}|${finding.problem.slice(0, 80)}`;
      return !seen.has(key) && seen.add(key);
    })
    .map(
      (finding) =>
        `- ${finding.procedure} as ${finding.caller}: ${finding.problem}\n    input: ${finding.input}`,
    );
  return `${target}: ${findings.length} problem(s) (replay with FUZZ_SEED=${seed})\n${lines.join('\n')}`;
}
