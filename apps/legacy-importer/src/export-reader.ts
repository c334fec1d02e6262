import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseExtendedJsonLine } from './extended-json';
import type { LegacyDocument } from './extended-json';

export type ExportLine =
  { line: number; document: LegacyDocument } | { line: number; error: string };

/**
 * The documents of one `mongoexport` file, a line at a time: memory stays flat whatever the file's
 * size. A line that does not parse is yielded as an error (the report names it) and reading goes on.
 */
export async function* readExportFile(filePath: string): AsyncGenerator<ExportLine> {
  const lines = createInterface({
    input: createReadStream(filePath, { encoding: 'utf8', highWaterMark: 256 * 1024 }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, document: parseExtendedJsonLine(text) };
    } catch (error) {
      yield { line, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
