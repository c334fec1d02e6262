import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportCommandLine } from './cli-args';

describe('the import command line', () => {
  it('reads paths from where the command was typed', () => {
    expect(parseImportCommandLine(['--', 'exports/monday', '--dry-run'], '/home/ops')).toEqual({
      exportDir: '/home/ops/exports/monday',
      dryRun: true,
      changedAfter: null,
      reportPath: '/home/ops/exports/monday/import-report.json',
    });
  });

  it('takes a delta from an instant or from an earlier report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-args-'));
    writeFileSync(
      path.join(dir, 'earlier.json'),
      JSON.stringify({ highWaterMark: '2026-03-01T10:00:00.000Z' }),
    );
    expect(
      parseImportCommandLine(['x', '--changed-after', '2026-02-01T00:00:00Z'], dir).changedAfter,
    ).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(
      parseImportCommandLine(['x', '--since', 'earlier.json', '--report', 'r.json'], dir),
    ).toMatchObject({
      changedAfter: new Date('2026-03-01T10:00:00.000Z'),
      reportPath: path.join(dir, 'r.json'),
    });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseImportCommandLine([], '/')).toThrow('pnpm import:legacy');
    expect(() => parseImportCommandLine(['x', '--force'], '/')).toThrow('Unknown option --force');
    expect(() => parseImportCommandLine(['x', '--changed-after', 'yesterday'], '/')).toThrow(
      'Not an instant',
    );
  });
});
