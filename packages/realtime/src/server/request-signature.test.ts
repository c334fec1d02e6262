import Pusher from 'pusher';
import { describe, expect, it } from 'vitest';
import { checkRequestSignature } from './request-signature';

const app = { id: '42', key: 'key', secret: 'secret' };
const sdk = new Pusher({ appId: app.id, key: app.key, secret: app.secret, host: 'localhost' });
const path = '/apps/42/events';
const body = JSON.stringify({ name: 'goal', channels: ['scoreboard'], data: '{}' });

function signedQuery(options: { body?: string; method?: string; params?: Record<string, string> } = {}) {
  return new URLSearchParams(
    sdk.createSignedQueryString({ method: options.method ?? 'POST', path, body: options.body ?? body, params: options.params ?? {} }),
  );
}

const now = () => Math.floor(Date.now() / 1000);

describe('checkRequestSignature', () => {
  it('accepts what the official SDK signs', () => {
    expect(checkRequestSignature(app, { method: 'POST', path, query: signedQuery(), body, nowSeconds: now() })).toEqual({
      valid: true,
    });
  });

  it('accepts a signed GET with extra query parameters', () => {
    const query = signedQuery({ method: 'GET', body: '', params: { filter_by_prefix: 'presence-', info: 'user_count' } });
    expect(checkRequestSignature(app, { method: 'GET', path, query, body: '', nowSeconds: now() }).valid).toBe(true);
  });

  it('refuses a body that is not the one signed', () => {
    const check = checkRequestSignature(app, { method: 'POST', path, query: signedQuery(), body: `${body} `, nowSeconds: now() });
    expect(check).toEqual({ valid: false, reason: 'body_md5 does not match the body' });
  });

  it('refuses a signature made with another secret', () => {
    const forger = new Pusher({ appId: app.id, key: app.key, secret: 'other', host: 'localhost' });
    const query = new URLSearchParams(forger.createSignedQueryString({ method: 'POST', path, body }));
    expect(checkRequestSignature(app, { method: 'POST', path, query, body, nowSeconds: now() })).toEqual({
      valid: false,
      reason: 'Invalid signature',
    });
  });

  it('refuses a request for another path than the one signed', () => {
    const check = checkRequestSignature(app, { method: 'POST', path: '/apps/42/batch_events', query: signedQuery(), body, nowSeconds: now() });
    expect(check.valid).toBe(false);
  });

  it('refuses a timestamp more than 600 s away from the clock', () => {
    const check = checkRequestSignature(app, { method: 'POST', path, query: signedQuery(), body, nowSeconds: now() + 601 });
    expect(check.valid).toBe(false);
    expect(!check.valid && check.reason).toMatch(/^Timestamp expired/);
  });

  it('refuses another app key', () => {
    const query = signedQuery();
    query.set('auth_key', 'someone-else');
    expect(checkRequestSignature(app, { method: 'POST', path, query, body, nowSeconds: now() })).toEqual({
      valid: false,
      reason: 'Unknown auth_key',
    });
  });
});
