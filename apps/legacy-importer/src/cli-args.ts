import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ImportCommandLine {
  exportDir: string;
  dryRun: boolean;
  changedAfter: Date | null;
  reportPath: string;
}

export const usage = `pnpm import:legacy <export dir> [--dry-run] [--changed-after <ISO instant> | --since <earlier report.json>] [--report <path>]

  <export dir>     mongoexport files, one per collection: users.json, campaigns.json, …
  --dry-run        map and report, write nothing
  --changed-after  a delta: only documents updated after this instant
  --since          a delta after an earlier run: its report's high-water mark
  --report         where the JSON report goes (default: <export dir>/import-report.json)`;

/** Paths are read from where the command was typed (pnpm runs the script in the package's folder). */
export function parseImportCommandLine(argv: string[], typedIn: string): ImportCommandLine {
  const positional: string[] = [];
  let dryRun = false;
  let changedAfter: Date | null = null;
  let reportPath: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${argument} needs a value\n\n${usage}`);
      index += 1;
      return next;
    };
    if (argument === '--') continue;
    else if (argument === '--dry-run') dryRun = true;
    else if (argument === '--changed-after') changedAfter = instant(value());
    else if (argument === '--since') {
      const earlier = JSON.parse(readFileSync(path.resolve(typedIn, value()), 'utf8')) as {
        highWaterMark: string | null;
      };
      if (!earlier.highWaterMark)
        throw new Error('The earlier report has no high-water mark: run a full import.');
      changedAfter = instant(earlier.highWaterMark);
    } else if (argument === '--report') reportPath = path.resolve(typedIn, value());
    else if (argument.startsWith('--')) throw new Error(`Unknown option ${argument}\n\n${usage}`);
    else positional.push(argument);
  }
  if (positional.length !== 1) throw new Error(usage);
  const exportDir = path.resolve(typedIn, positional[0]!);
  return {
    exportDir,
    dryRun,
    changedAfter,
    reportPath: reportPath ?? path.join(exportDir, 'import-report.json'),
  };
}

function instant(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an instant: ${text}`);
  return date;
}
