/**
 * A notification service that dies by SIGKILL right after a fan-out page commits, before that page
 * is pushed (the crash test of `fan-out.int.test.ts`):
 *   tsx fan-out-crash-child.ts <input.json>
 * The input holds the service's options (what JSON keeps of a harness's `config`), the instant its
 * clock stands at, the audience stand-in's state and the page to die after.
 */
import { readFileSync } from 'node:fs';
import type { NotificationServiceOptions } from '../app';
import { startNotificationService } from '../app';
import type { AudienceStandInState } from './audience-stand-in';
import { createAudienceStandIn } from './audience-stand-in';

export interface CrashChildInput {
  config: NotificationServiceOptions;
  now: string;
  audience: AudienceStandInState;
  killAfterPages: number;
}

const inputPath = process.argv[2];
if (!inputPath) throw new Error('usage: fan-out-crash-child <input.json>');
const input = JSON.parse(readFileSync(inputPath, 'utf8')) as CrashChildInput;
const now = new Date(input.now);
await startNotificationService({
  ...input.config,
  now: () => now,
  audiences: createAudienceStandIn(input.audience).directory,
  afterFanOutPage: (progress) => {
    if (progress.pages >= input.killAfterPages) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('\nfan-out-crash-child ready\n');
// Runs until the fan-out reaches the page, or the test gives up on it.
setTimeout(() => process.exit(3), 60_000);
