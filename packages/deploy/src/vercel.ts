import type { ServiceEntry } from '@gametriggers/devstack';
import { portals } from '@gametriggers/devstack';

/**
 * A portal as its own Vercel project (root directory `apps/<portal>`): built with turbo from the
 * repository root, and skipped by `turbo-ignore` when neither it nor a package it uses changed.
 */
export function vercelProject(entry: ServiceEntry) {
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    framework: 'nextjs',
    installCommand: 'pnpm install --frozen-lockfile',
    buildCommand: `cd ../.. && pnpm turbo run build --filter=${entry.package}`,
    ignoreCommand: `npx turbo-ignore ${entry.package} --fallback=HEAD^1`,
  };
}

/** Each portal's `vercel.json`, by its path in the repository. */
export function vercelFiles(): Record<string, string> {
  return Object.fromEntries(portals.map((entry) => [`apps/${entry.dir}/vercel.json`, `${JSON.stringify(vercelProject(entry), null, 2)}\n`]));
}
