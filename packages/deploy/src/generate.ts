/**
 * Writes the deployment files (docker-compose.yml, deploy/k8s, the portals' vercel.json) from the
 * platform's tables; `--check` only names those that differ from what would be written.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@gametriggers/devstack';
import { deployFiles, differences } from './deploy-files';

const files = deployFiles();
const { stale, leftOver } = differences(files);

if (process.argv.includes('--check')) {
  for (const file of stale) console.error(`out of date: ${file}`);
  for (const file of leftOver) console.error(`no longer generated: ${file}`);
  if (stale.length + leftOver.length > 0) {
    console.error('Run `pnpm --filter @gametriggers/deploy generate`.');
    process.exit(1);
  }
} else {
  for (const file of stale) {
    mkdirSync(path.dirname(path.join(repoRoot, file)), { recursive: true });
    writeFileSync(path.join(repoRoot, file), files[file] ?? '');
    console.warn(`wrote ${file}`);
  }
  for (const file of leftOver) {
    rmSync(path.join(repoRoot, file));
    console.warn(`removed ${file}`);
  }
}
