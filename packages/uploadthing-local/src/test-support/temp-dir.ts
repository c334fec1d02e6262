import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function makeTempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'uploadthing-local-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
