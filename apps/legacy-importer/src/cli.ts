import { writeFileSync } from 'node:fs';
import { parseImportCommandLine } from './cli-args';
import { dryRunTarget } from './dry-run-target';
import { runLegacyImport } from './run-import';
import { serviceTargetFromEnv } from './service-target';

const commandLine = parseImportCommandLine(
  process.argv.slice(2),
  process.env.INIT_CWD ?? process.cwd(),
);
const target = commandLine.dryRun ? dryRunTarget() : serviceTargetFromEnv(process.env);
const report = await runLegacyImport({
  exportDir: commandLine.exportDir,
  target,
  dryRun: commandLine.dryRun,
  changedAfter: commandLine.changedAfter,
  now: new Date(),
});
writeFileSync(
  commandLine.reportPath,
  `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`,
);
process.stdout.write(`${report.summary()}\n\nReport: ${commandLine.reportPath}\n`);
process.exitCode = report.moneyChecks().every((check) => check.balanced) ? 0 : 2;
