/** `pnpm dev`: the whole platform on this machine, with demo data, until Ctrl-C. */
import { startPlatform } from './platform';
import { backendServices, demoAccounts, portals, standIns } from './services';

const platform = await startPlatform({ mode: 'dev' }).catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const rows: Array<[string, string]> = [
  ...portals.map((portal): [string, string] => [
    `${portal.name} portal`,
    `http://localhost:${portal.port}`,
  ]),
  ...backendServices.map((service): [string, string] => [
    service.name,
    `http://127.0.0.1:${service.port}`,
  ]),
  ['dev mailbox', `http://localhost:${standIns.mailHttp}`],
];
console.warn('\nGametriggers is running:\n');
for (const [name, url] of rows) console.warn(`  ${name.padEnd(18)} ${url}`);
console.warn('\nDemo accounts:\n');
for (const account of demoAccounts)
  console.warn(`  ${account.role.padEnd(9)} ${account.email.padEnd(34)} ${account.password}`);
console.warn('\nCtrl-C stops everything.\n');

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void platform.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
