/**
 * The date-sensitive suites, and the hostile instants `pnpm test` runs them at a second time under
 * Debian's libfaketime: the process's wall clock starts at the instant and keeps moving, so a test
 * that reads the wall clock instead of its injected clock meets local midnight or a DST change.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface HostileInstant {
  label: string;
  /** UTC, as libfaketime's absolute start (`FAKETIME="@<this>"`, read with TZ=UTC). */
  utc: string;
}

export const hostileInstants: HostileInstant[] = [
  // 22:30 in New York in winter: the hour the participation cool-off test used to fail.
  { label: '22:30 New York, winter (03:30 UTC)', utc: '2026-01-15 03:30:00' },
  // 01:30 CET on the EU's spring-forward morning: clocks jump 02:00 → 03:00 an hour later.
  { label: 'EU spring-forward morning (00:30 UTC)', utc: '2026-03-29 00:30:00' },
  // 01:30 EDT on New York's fall-back morning: the hour 01:00–02:00 happens twice.
  { label: 'New York fall-back morning (05:30 UTC)', utc: '2026-11-01 05:30:00' },
];

export interface DateSensitiveSuite {
  package: string;
  /** Test files or folders, relative to the package (a bounded share of its suite). */
  files: string[];
  /** What in it depends on the date or the hour. */
  why: string;
  /**
   * The share run on the daylight-saving mornings (default: all of `files`); all of it runs at the
   * first instant, 03:30 UTC.
   */
  onDstMornings?: string[];
}

/** Every package whose behaviour depends on "now", with the tests that exercise it. */
export const dateSensitiveSuites: DateSensitiveSuite[] = [
  {
    package: '@gametriggers/participation-service',
    files: [
      'src/domain',
      'src/participation.int.test.ts',
      'src/participation-local-time.int.test.ts',
    ],
    onDstMornings: ['src/domain', 'src/participation-local-time.int.test.ts'],
    why: 'energy refills at the streamer’s local midnight; G-Key cool-offs; rule windows',
  },
  {
    package: '@gametriggers/campaign-service',
    files: [
      'src/domain',
      'src/campaign-lifecycle.int.test.ts',
      'src/campaign-discovery.int.test.ts',
    ],
    onDstMornings: ['src/domain', 'src/campaign-lifecycle.int.test.ts'],
    why: 'schedules, start/end jobs, auto-completion after 7 idle days, running campaigns by date',
  },
  {
    package: '@gametriggers/analytics-service',
    files: [
      'src/rollup',
      'src/live',
      'src/reports.int.test.ts',
      'src/ingest/ingest.int.test.ts',
      'src/ingest/group-commit-writer.int.test.ts',
      'src/clicks/clicks.int.test.ts',
    ],
    onDstMornings: ['src/rollup', 'src/live', 'src/ingest/ingest.int.test.ts'],
    why: 'day partitions, hourly rollups, report ranges, the late-report window, repeat clicks',
  },
  {
    package: '@gametriggers/overlay-service',
    files: ['src/domain', 'src/ad-show-retention.int.test.ts', 'src/delivery.int.test.ts'],
    onDstMornings: ['src/domain'],
    why: 'blackouts and frequency caps in the streamer’s local time; shown-ad retention',
  },
  {
    package: '@gametriggers/streamer-service',
    files: ['src/domain', 'src/streamer.int.test.ts', 'src/streamer-progression.int.test.ts'],
    onDstMornings: ['src/domain', 'src/streamer-progression.int.test.ts'],
    why: 'schedules, metric samples and their 30-day window, OAuth state and platform token expiry, progression days and streaks in the streamer’s time zone',
  },
  {
    package: '@gametriggers/identity-service',
    files: [
      'src/domain/lockout.test.ts',
      'src/identity.int.test.ts',
      'src/session-lifetime.int.test.ts',
    ],
    onDstMornings: ['src/domain/lockout.test.ts', 'src/session-lifetime.int.test.ts'],
    why: 'lockouts, access-token expiry, the refresh reuse leeway, signing-key rotation',
  },
  {
    package: '@gametriggers/gateway',
    files: ['src/gateway-edge.int.test.ts', 'src/short-links.int.test.ts'],
    onDstMornings: ['src/gateway-edge.int.test.ts'],
    why: 'access-token expiry at the edge; per-minute rate-limit windows',
  },
  {
    package: '@gametriggers/contracts',
    files: ['src/analytics.test.ts', 'src/primitives/instants.test.ts'],
    why: 'report ranges ending now; the supported range of instants',
  },
  {
    package: '@gametriggers/tokens',
    files: ['src/tokens.test.ts'],
    why: 'access-token expiry',
  },
];

/** Debian's libfaketime (package `faketime`), or undefined when it is not installed. */
export function findLibfaketime(): string | undefined {
  const roots = ['/usr/lib', '/usr/lib64', '/usr/local/lib'];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const candidates = [
      path.join(root, 'faketime'),
      ...readdirSync(root)
        .filter((dir) => dir.endsWith('-linux-gnu'))
        .map((dir) => path.join(root, dir, 'faketime')),
    ];
    for (const dir of candidates) {
      const library = path.join(dir, 'libfaketime.so.1');
      if (existsSync(library)) return library;
    }
  }
  return undefined;
}

/** The environment that starts a process's wall clock at `instant` and lets it run on. */
export function faketimeEnv(library: string, instant: HostileInstant): NodeJS.ProcessEnv {
  return {
    LD_PRELOAD: library,
    FAKETIME: `@${instant.utc}`,
    TZ: 'UTC',
    // Timers and elapsed-time measurements stay real; only the calendar moves.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}
