/** `pnpm dev`: the whole platform on this machine, with demo data, until Ctrl-C. */
import { startPlatform, stopAllPlatforms } from './platform';
import type { RunningPlatform } from './platform';
import { portalUrl, serviceUrl } from './platform-env';
import { DEMO_PASSWORD, demoBrands, demoStreamers } from './demo-marketplace';
import { DEMO_ADMIN_TOTP_SECRET, demoAccounts, gatewayMetricsPort, processName } from './services';

let platform: RunningPlatform | undefined;
let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  console.warn('\nStopping everything (SIGTERM, SIGKILL after 10 s)…');
  void stopAllPlatforms().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  platform = await startPlatform({ mode: 'dev' });
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const rows: Array<[string, string]> = [
  ...platform.started
    .filter((entry) => entry.kind === 'portal')
    .map((entry): [string, string] => [`${entry.name} portal`, portalUrl(entry)]),
  ...platform.started
    .filter((entry) => entry.kind !== 'portal')
    .map((entry): [string, string] => [processName(entry), serviceUrl(entry)]),
  ['gateway metrics', `http://127.0.0.1:${gatewayMetricsPort}/metrics  (internal only)`],
  ['mail catcher', `${platform.mail.httpUrl}  (SMTP ${platform.mail.smtpUrl})`],
  ['twitch stand-in', platform.twitch.issuer],
  ['google stand-in', platform.google.issuer],
  ['twitch API stand-in', platform.twitchApi.url],
  ['youtube API stand-in', platform.youtubeApi.url],
  ['pusher stand-in', platform.pusher.url],
  ['local Stripe', `${platform.stripe.url}  (test mode, key ${platform.stripe.secretKey})`],
  ['local UploadThing', `${platform.uploadThing.url}  (files in .dev/uploadthing)`],
];
const seeded = new Map(platform.seeded.map((result) => [result.email, result.outcome]));
console.warn('\nGametriggers is running:\n');
for (const [name, url] of rows) console.warn(`  ${name.padEnd(18)} ${url}`);
console.warn('\nDemo accounts (any login works at the Twitch/Google stand-ins):\n');
for (const account of demoAccounts) {
  const outcome = seeded.get(account.email) ?? 'skipped';
  console.warn(`  ${account.role.padEnd(9)} ${account.email.padEnd(34)} ${account.password.padEnd(20)} ${outcome}`);
}
console.warn(`\nThe demo admin signs in with a code: add the key ${DEMO_ADMIN_TOTP_SECRET} to an authenticator app.`);
const others = [...demoBrands, ...demoStreamers].filter((person) => person.password === DEMO_PASSWORD);
console.warn(`\nMore demo brands and streamers (password ${DEMO_PASSWORD}):\n`);
console.warn(`  ${others.map((person) => person.email).join('\n  ')}`);
console.warn('\nCtrl-C stops everything.\n');
