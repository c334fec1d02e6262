import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import net from 'node:net';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** `kill -9`: the process gets no chance to finish what it was doing. */
  kill(): void;
}

/** A TCP port nothing listens on right now, for a process to listen on. */
export async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A service as `pnpm dev` runs it: `src/main.ts` of `packageDir` in its own process, in production
 * mode, configured by `env` (with `PORT` chosen here), resolved once its `/readyz` answers. For
 * tests that kill a service mid-work; `stopAll` in `afterAll` kills whatever is left.
 */
export function serviceProcesses(packageDir: string) {
  const children: ChildProcess[] = [];

  async function start(env: Record<string, string>): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return { url, child, kill: () => child.kill('SIGKILL') };
      if (child.exitCode !== null) {
        throw new Error(`${packageDir}/src/main.ts exited with ${child.exitCode} before it was ready`);
      }
      if (Date.now() > deadline) throw new Error(`${packageDir}/src/main.ts did not become ready`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function stopAll() {
    for (const child of children) child.kill('SIGKILL');
  }

  return { start, stopAll };
}
