import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { UTApi } from 'uploadthing/server';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './test-support/temp-dir';

const packageRoot = path.resolve(import.meta.dirname, '..');

describe('the dev entry (src/main.ts)', () => {
  it('starts on UPLOADTHING_LOCAL_PORT with UPLOADTHING_LOCAL_DIR, prints the SDK variables, and stops on SIGTERM', async () => {
    const temp = makeTempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageRoot,
      env: { ...process.env, UPLOADTHING_LOCAL_PORT: '0', UPLOADTHING_LOCAL_DIR: temp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    while (!/UPLOADTHING_UFS_APP_ID_LOCATION=path/.test(output)) await once(child.stdout, 'data');
    const variable = (name: string) => new RegExp(`${name}=(\\S+)`).exec(output)?.[1] ?? '';

    const utapi = new UTApi({
      token: variable('UPLOADTHING_TOKEN'),
      apiUrl: variable('UPLOADTHING_API_URL'),
      ingestUrl: variable('UPLOADTHING_INGEST_URL'),
      logLevel: 'Error',
    });
    expect(await utapi.listFiles()).toEqual({ hasMore: false, files: [] });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    temp.remove();
  });

  it('stops with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageRoot,
      env: { ...process.env, UPLOADTHING_LOCAL_PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(errors).toContain('UPLOADTHING_LOCAL_PORT');
  });
});
