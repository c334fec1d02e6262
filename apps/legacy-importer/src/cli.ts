import { writeFileSync } from 'node:fs';
import { parseImportCommandLine } from './cli-args';
import { dryRunTarget } from './dry-run-target';
import { runLegacyImport } from './run-import';

const commandLine = parseImportCommandLine(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
if (!commandLine.dryRun) throw new Error('Only --dry-run so far: the services\' import procedures come next.');
const target = dryRunTarget();
const report = await runLegacyImport({
  exportDir: commandLine.exportDir,
  target,
  dryRun: commandLine.dryRun,
  changedAfter: commandLine.changedAfter,
  now: new Date(),
});
writeFileSync(commandLine.reportPath, `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`);
process.stdout.write(`${report.summary()}\n\nReport: ${commandLine.reportPath}\n`);
process.exitCode = report.moneyChecks().every((check) => check.balanced) ? 0 : 2;
