import { describe, expect, it } from 'vitest';
import { renewUrl, sameOriginPath, signInUrl } from './session-routes';

describe('session routes', () => {
  it('keeps only paths of this portal', () => {
    expect(sameOriginPath('/campaigns?status=draft')).toBe('/campaigns?status=draft');
    for (const value of [
      null,
      '',
      'https://evil.test/',
      '//evil.test/',
      '/\\evil.test',
      'campaigns',
    ])
      expect(sameOriginPath(value)).toBe('/');
  });

  it('renews and comes back to the same page, never to another origin', () => {
    expect(renewUrl('http://localhost:3001/campaigns?status=draft')).toBe(
      '/session/renew?callbackUrl=%2Fcampaigns%3Fstatus%3Ddraft',
    );
    expect(renewUrl(undefined)).toBe('/session/renew?callbackUrl=%2F');
  });

  it('signs in on landing with the page to come back to', () => {
    expect(signInUrl('http://localhost:3000', 'http://localhost:3001/analytics').href).toBe(
      'http://localhost:3000/sign-in?callbackUrl=http%3A%2F%2Flocalhost%3A3001%2Fanalytics',
    );
  });
});
