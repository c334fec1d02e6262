import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signWebhookPayload } from './webhook-signature';

const stripe = new Stripe('sk_test_signature');

describe('signWebhookPayload', () => {
  it('makes the header the official SDK makes and verifies', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created' }, null, 2);
    const secret = 'whsec_test_secret';
    const timestamp = 1_772_445_600;
    const header = signWebhookPayload(payload, secret, timestamp);
    expect(header).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
    const event = stripe.webhooks.constructEvent(payload, header, secret, 300, undefined, timestamp * 1000);
    expect(event.id).toBe('evt_1');
  });

  it('is refused for another secret or a timestamp outside the tolerance', () => {
    const payload = '{"id":"evt_2"}';
    const header = signWebhookPayload(payload, 'whsec_a', 1_772_445_600);
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_b', 300, undefined, 1_772_445_600_000)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_a', 300, undefined, (1_772_445_600 + 301) * 1000)).toThrow(/tolerance/);
  });
});
