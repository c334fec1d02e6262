import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';

const packageRoot = path.resolve(import.meta.dirname, '..');

describe('the dev entry (src/main.ts)', () => {
  it('starts on STRIPE_LOCAL_PORT with PUBLIC_URL, prints its url, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageRoot,
      env: { ...process.env, STRIPE_LOCAL_PORT: '0', PUBLIC_URL: 'http://stripe.localhost:4906', STRIPE_LOCAL_PLATFORM_BALANCE_CENTS: '1234' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    while (!/listening on (http:\/\/\S+);/.test(output)) {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      output += chunk.toString('utf8');
    }
    const url = new URL(/listening on (http:\/\/\S+);/.exec(output)?.[1] ?? '');
    const stripe = new Stripe('sk_test_main', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
    expect((await stripe.balance.retrieve()).available[0]?.amount).toBe(1234);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }],
    });
    expect(session.url).toBe(`http://stripe.localhost:4906/pay/${session.id}`);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('stops with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageRoot,
      env: { ...process.env, STRIPE_LOCAL_PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(errors).toContain('STRIPE_LOCAL_PORT');
  });
});
