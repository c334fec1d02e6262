import { createHmac } from 'node:crypto';

/** `Stripe-Signature: t=…,v1=…`: HMAC-SHA256 keyed with the whole `whsec_…` secret over `${t}.${body}`. */
export function signWebhookPayload(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}
