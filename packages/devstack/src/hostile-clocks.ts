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
    files: ['src/domain', 'src/campaign-lifecycle.int.test.ts'],
    onDstMornings: ['src/domain'],
    why: 'schedules, start/end jobs, auto-completion',
  },
  {
    package: '@gametriggers/analytics-service',
    files: ['src/rollup', 'src/live', 'src/reports.int.test.ts'],
    onDstMornings: ['src/rollup', 'src/live'],
    why: 'day partitions, hourly rollups, report ranges',
  },
  {
    package: '@gametriggers/overlay-service',
    files: ['src/domain'],
    why: 'blackouts and frequency caps in the streamer’s local time',
  },
  {
    package: '@gametriggers/streamer-service',
    files: ['src/domain'],
    why: 'schedules and metric snapshots',
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
