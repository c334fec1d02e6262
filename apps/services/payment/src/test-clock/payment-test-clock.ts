import type http from 'node:http';
import type { PlainRoute } from '@gametriggers/trpc';
import { z } from 'zod';
import { readRawBody } from '../webhooks/raw-body';

const advanceInput = z.object({ seconds: z.number().int().positive().max(366 * 86_400) });

function reply(res: http.ServerResponse, status: number, body: Record<string, unknown>) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/**
 * The service's clock on a test platform (`PAYMENT_TEST_CLOCK`, a Stripe test key and the local
 * Stripe only): real time plus what `POST /_test/clock/advance { seconds }` added. Each advance
 * moves the local Stripe's clock first, its webhook signatures included, since the service checks
 * their age against its own clock.
 */
export function createPaymentTestClock(localStripeUrl: string) {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  const advance: PlainRoute = async (req, res) => {
    let seconds: number;
    try {
      const parsed = advanceInput.safeParse(JSON.parse(await readRawBody(req)));
      if (!parsed.success) return reply(res, 400, { error: 'invalid_input', message: 'Give { seconds } (a whole number up to a year).' });
      seconds = parsed.data.seconds;
    } catch {
      return reply(res, 400, { error: 'invalid_json', message: 'The body is not valid JSON.' });
    }
    const stripe = await fetch(`${localStripeUrl}/_test/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds, signatures: true }),
    });
    if (!stripe.ok) return reply(res, 502, { error: 'stripe_clock', message: 'The local Stripe did not move its clock.' });
    offsetMs += seconds * 1000;
    reply(res, 200, { now: now().toISOString() });
  };

  return { now, routes: { 'POST /_test/clock/advance': advance } };
}
