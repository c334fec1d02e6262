import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventCatalogue, isEventType, parseEventPayload, subscribersOf } from './catalogue';
import { parseEventEnvelope, UnknownEventTypeError } from './envelope';

const userId = randomUUID();

describe('event catalogue', () => {
  it('accepts a payload that matches its schema', () => {
    expect(
      parseEventPayload('user.registered', { userId, email: 'a@example.com', role: 'brand' }),
    ).toEqual({ userId, email: 'a@example.com', role: 'brand' });
  });

  it.each([
    ['a non-uuid user id', { userId: '42', email: 'a@example.com', role: 'brand' }],
    ['a bad email', { userId, email: 'nope', role: 'streamer' }],
    ['an unknown role', { userId, email: 'a@example.com', role: 'superuser' }],
    ['a missing field', { userId, email: 'a@example.com' }],
  ])('rejects user.registered with %s', (_, payload) => {
    expect(() => parseEventPayload('user.registered', payload)).toThrow();
  });

  it.each([
    ['an unknown template', { to: 'a@example.com', template: 'welcome', link: 'http://x.test/a' }],
    ['a link that is not a url', { to: 'a@example.com', template: 'verify_email', link: 'x' }],
    ['a bad recipient', { to: 'a', template: 'reset_password', link: 'http://x.test/a' }],
  ])('rejects identity.email_requested with %s', (_, payload) => {
    expect(() => parseEventPayload('identity.email_requested', payload)).toThrow();
  });

  it('knows its types and their subscribers', () => {
    expect(isEventType('identity.email_requested')).toBe(true);
    expect(isEventType('toString')).toBe(false);
    expect(subscribersOf('identity.email_requested')).toEqual(['identity']);
    for (const entry of Object.values(eventCatalogue)) {
      for (const service of entry.subscribers) expect(service).toMatch(/^[a-z][a-z-]*$/);
    }
  });
});

describe('parseEventEnvelope', () => {
  const envelope = {
    id: randomUUID(),
    type: 'identity.email_requested',
    payload: { to: 'a@example.com', template: 'verify_email', link: 'http://x.test/v?t=1' },
    occurredAt: new Date().toISOString(),
  };

  it('returns a valid envelope as it is', () => {
    expect(parseEventEnvelope(envelope)).toEqual(envelope);
  });

  it('refuses an unknown type with a dedicated error', () => {
    expect(() => parseEventEnvelope({ ...envelope, type: 'campaign.exploded' })).toThrow(
      UnknownEventTypeError,
    );
  });

  it('refuses a bad id, time or payload', () => {
    expect(() => parseEventEnvelope({ ...envelope, id: 'x' })).toThrow();
    expect(() => parseEventEnvelope({ ...envelope, occurredAt: 'yesterday' })).toThrow();
    expect(() => parseEventEnvelope({ ...envelope, payload: { to: 'a@example.com' } })).toThrow();
  });
});

describe('admin.action_recorded', () => {
  const action = {
    actor: { adminId: userId, adminRole: 'moderator' },
    permission: 'canVerifyBrands',
    action: 'brand.verify',
    subject: { type: 'brand', id: randomUUID() },
    before: { verificationStatus: 'pending' },
    after: { verificationStatus: 'verified' },
    reason: null,
    requestId: 'req-1',
    occurredAt: '2026-03-10T18:00:00.000Z',
  };

  it('accepts an admin action, with no personal details by default', () => {
    expect(parseEventPayload('admin.action_recorded', action)).toEqual({ ...action, personal: {} });
  });

  it.each([
    ['an action that is not <domain>.<verb>', { ...action, action: 'verify' }],
    ['an actor that is not an id', { ...action, actor: { adminId: 'root', adminRole: null } }],
    ['a time that is not ISO', { ...action, occurredAt: 'today' }],
  ])('refuses %s', (_, payload) => {
    expect(() => parseEventPayload('admin.action_recorded', payload)).toThrow();
  });
});
