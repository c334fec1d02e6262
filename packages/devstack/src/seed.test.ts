import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemoAccounts } from './platform';

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  vi.restoreAllMocks();
});

async function fakeIdentity(handler: http.RequestListener) {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('seedDemoAccounts', () => {
  it('warns and skips when identity has no seedDemoUser procedure yet', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const url = await fakeIdentity((_req, res) => res.writeHead(404).end());
    const results = await seedDemoAccounts('s'.repeat(48), url);
    expect(results.every((result) => result.outcome === 'skipped')).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('seedDemoUser'));
  });

  it('sends each account with a service token and reports created or existed', async () => {
    const seen: Array<{ token: string | undefined; body: unknown }> = [];
    const url = await fakeIdentity((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ token: req.headers['x-service-token'] as string | undefined, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: { data: { json: { userId: 'u', created: seen.length === 1 } } } }));
      });
    });
    const results = await seedDemoAccounts('s'.repeat(48), url);
    expect(results.map((result) => result.outcome)).toEqual(['created', 'existed', 'existed']);
    expect(seen[0]?.token?.split('.')).toHaveLength(3);
    expect(seen[0]?.body).toEqual({ json: expect.objectContaining({ email: 'brand@demo.gametriggers.dev', role: 'brand' }) as unknown });
  });
});
