import type http from 'node:http';
import { MAX_OVERLAY_REPORT_BATCH_BYTES } from '@gametriggers/contracts';
import type { OverlayReport } from '@gametriggers/contracts';
import type { Logger, PlainRoute } from '@gametriggers/trpc';
import type { ParticipationOwners } from '../clicks/participation-links';
import type { OverlayKeys } from '../clients/overlay-keys';
import type { CreativeFailureRow } from './creative-failures';
import { creativeFailuresOf } from './creative-failures';
import { parseEventBatch } from './event-schema';
import type { GroupCommitWriter } from './group-commit-writer';
import type { TrafficGuard } from './traffic-guard';
import type { LiveChange } from './traffic-rules';

export const OVERLAY_KEY_HEADER = 'x-overlay-key';

function reply(res: http.ServerResponse, status: number, body: unknown, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_OVERLAY_REPORT_BATCH_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /ingest`: an overlay's reports, answered only after they are committed. A malformed event
 * refuses the whole batch (400, naming it); reports whose time is implausible are refused one by
 * one and listed in the answer; everything else is stored, flagged when it must not be counted.
 */
export function createIngestRoute(deps: {
  keys: OverlayKeys;
  guard: TrafficGuard;
  writer: GroupCommitWriter;
  owners: ParticipationOwners;
  /** The streamer's recorded live changes deciding `fromMs`…`toMs` (`liveChangesBetween`). */
  liveHistory: (streamerId: string, fromMs: number, toMs: number) => Promise<LiveChange[]>;
  /** Stores `creative_failed` reports (they are not counted, so they skip the event table). */
  recordCreativeFailures: (rows: CreativeFailureRow[]) => Promise<void>;
  now: () => Date;
  log: Logger;
}): PlainRoute {
  return async (req, res) => {
    const key = req.headers[OVERLAY_KEY_HEADER];
    if (typeof key !== 'string' || !key || key.length > 200) {
      reply(res, 401, {
        error: 'unauthenticated',
        message: 'Send the overlay key in x-overlay-key.',
      });
      return;
    }
    const body = await readBody(req);
    if (!body) {
      reply(res, 413, {
        error: 'payload_too_large',
        message: `A batch is limited to ${MAX_OVERLAY_REPORT_BATCH_BYTES} bytes.`,
      });
      req.resume();
      return;
    }
    let overlay;
    try {
      overlay = await deps.keys.resolve(key);
    } catch (error) {
      deps.log.warn({ err: error }, 'overlay key could not be checked');
      reply(
        res,
        503,
        { error: 'unavailable', message: 'The overlay key cannot be checked right now; retry.' },
        { 'retry-after': '2' },
      );
      return;
    }
    if (!overlay) {
      reply(res, 401, { error: 'unauthenticated', message: 'This overlay key is not valid.' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      reply(res, 400, { error: 'invalid_json', message: 'The body is not valid JSON.' });
      return;
    }
    const batch = parseEventBatch(json);
    if (!batch.ok) {
      reply(res, 400, { error: 'invalid_events', message: batch.message, events: batch.malformed });
      return;
    }
    const admission = await deps.guard.admit(key, batch.events.length);
    if (!admission.allowed) {
      reply(
        res,
        429,
        { error: 'rate_limited', message: 'This overlay is sending too many reports.' },
        { 'retry-after': String(Math.max(1, Math.ceil(admission.retryAfterMs / 1000))) },
      );
      return;
    }
    const named = batch.events.flatMap((event) =>
      event.participationId ? [event.participationId] : [],
    );
    const owners = named.length
      ? await deps.owners.streamersOf(named).catch((error: unknown) => {
          // Unchecked rather than refused: the rollup still drops conflicting claims.
          deps.log.warn({ err: error }, 'participation owners could not be read');
          return new Map<string, string>();
        })
      : new Map<string, string>();
    const failed = batch.events.filter((event) => event.type === 'creative_failed');
    const reports = failed.length ? batch.events.filter((event) => event.type !== 'creative_failed') : batch.events;
    const failures = creativeFailuresOf(overlay.streamerId, failed, owners, deps.now().getTime());
    const history = overlay.live ? [] : await liveHistoryOf(deps, overlay.streamerId, reports);
    const { rows, refused } = deps.guard.judge(overlay, reports, owners, history);
    try {
      await Promise.all([deps.writer.write(rows), deps.recordCreativeFailures(failures.rows)]);
    } catch (error) {
      deps.log.error({ err: error }, 'overlay reports could not be stored');
      reply(
        res,
        503,
        { error: 'unavailable', message: 'The reports could not be stored; retry the batch.' },
        { 'retry-after': '2' },
      );
      return;
    }
    reply(res, 200, {
      accepted: batch.events.length - refused.length - failures.refused.length,
      refused: [...refused, ...failures.refused],
    });
  };
}

/** Only a report that would count if the streamer was live then needs the history. */
async function liveHistoryOf(
  deps: Parameters<typeof createIngestRoute>[0],
  streamerId: string,
  events: OverlayReport[],
) {
  const times = events.filter((event) => !event.test).map((event) => Date.parse(event.at));
  if (times.length === 0) return [];
  return deps
    .liveHistory(streamerId, Math.min(...times), Math.max(...times))
    .catch((error: unknown) => {
      // Judged by the status now, as before the history existed: not counted.
      deps.log.warn({ err: error }, 'live history could not be read');
      return [];
    });
}
