import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@gametriggers/db';
import { freeStandInPorts, generateSecrets, repoRoot, serviceUrl, services, startPlatform } from '@gametriggers/devstack';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mailboxUrl: string;
    twitchIssuer: string;
    accessTokenTtlSeconds: number;
    stripeUrl: string;
    /** The local UploadThing: where uploaded creatives are served (`/a/<appId>/<key>`). */
    uploadsUrl: string;
    paymentDatabaseUrl: string;
    paymentServiceUrl: string;
  }
}

/**
 * Access tokens live seconds in the browser tests (15 minutes in production), so every spec runs
 * across refreshes of its session, and the long-lived-session spec across several expiries.
 */
const ACCESS_TOKEN_TTL_SECONDS = 8;

/** Builds the portals, then runs the whole platform on a throwaway database for the browser tests. */
export default async function setup(project: TestProject) {
  const build = spawnSync(
    'pnpm',
    [
      'turbo',
      'run',
      'build',
      '--filter=@gametriggers/landing-portal',
      '--filter=@gametriggers/brand-portal',
      '--filter=@gametriggers/streamer-portal',
      '--filter=@gametriggers/admin-portal',
      '--output-logs=errors-only',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('Building the portals failed');

  const suffix = `_e2e_${randomBytes(4).toString('hex')}`;
  const platform = await startPlatform({
    mode: 'test',
    databaseSuffix: suffix,
    secrets: generateSecrets(),
    ...freeStandInPorts,
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
    // The money-loop test moves the payment service's and the local Stripe's clocks past the
    // earnings hold and Stripe's payout delays.
    paymentTestClock: true,
    quiet: !process.env.E2E_VERBOSE,
  });
  project.provide('mailboxUrl', platform.mail.httpUrl);
  project.provide('twitchIssuer', platform.twitch.issuer);
  project.provide('accessTokenTtlSeconds', ACCESS_TOKEN_TTL_SECONDS);
  project.provide('stripeUrl', platform.stripe.url);
  project.provide('uploadsUrl', platform.uploadThing.url);
  project.provide('paymentServiceUrl', serviceUrl(services.find((entry) => entry.name === 'payment')!));
  project.provide(
    'paymentDatabaseUrl',
    platform.databases.find((url) => new URL(url).pathname.startsWith('/gt_payment')) ?? '',
  );

  return async () => {
    await platform.stop();
    // Every database this run created (they all carry the run's suffix).
    for (const url of platform.databases) await dropDatabase(url).catch(() => undefined);
  };
}
