import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider } from './oidc-provider';
import type { OidcStandIn } from './oidc-provider';

const client = {
  client_id: 'portal',
  client_secret: 'portal-secret',
  redirect_uris: ['http://localhost:3001/api/auth/callback/twitch'],
};

/** A tiny browser: a cookie jar and manual redirects, so every hop is visible. */
function createBrowser() {
  const jar = new Map<string, string>();
  return async function go(url: string, init: RequestInit = {}) {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        ...(cookie ? { cookie } : {}),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  };
}

function formOf(html: string) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !prompt) throw new Error(`No dev interaction form in:\n${html.slice(0, 500)}`);
  return { action: action.replace(/&amp;/g, '&'), prompt };
}

function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const [, payload = ''] = jwt.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

describe('OIDC stand-in', () => {
  let provider: OidcStandIn;

  beforeAll(async () => {
    provider = await startOidcProvider({
      port: 0,
      issuerPath: '/oidc',
      clients: [client],
      accounts: [
        {
          sub: 'twitch-42',
          email: 'pat@example.test',
          preferred_username: 'pixelpat',
          name: 'Pixel Pat',
        },
      ],
    });
  });
  afterAll(async () => {
    await provider.close();
  });

  it('runs a full authorization code flow with PKCE through the dev login and consent pages', async () => {
    const discovery = (await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery.issuer).toBe(provider.issuer);
    expect(discovery.authorization_endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oidc\//);

    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(8).toString('hex');
    const nonce = randomBytes(8).toString('hex');
    const authorize = new URL(discovery.authorization_endpoint ?? '');
    authorize.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: client.redirect_uris[0] ?? '',
      response_type: 'code',
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      claims: JSON.stringify({ id_token: { email: null, email_verified: null } }),
    }).toString();

    const go = createBrowser();
    let response = await go(authorize.href);
    const prompts: string[] = [];
    for (let hop = 0; hop < 20; hop++) {
      const location = response.headers.get('location');
      if (location?.startsWith(client.redirect_uris[0] ?? '')) break;
      if (location) {
        response = await go(new URL(location, provider.issuer).href);
        continue;
      }
      expect(response.status).toBe(200);
      const form = formOf(await response.text());
      prompts.push(form.prompt);
      const body =
        form.prompt === 'login'
          ? new URLSearchParams({
              prompt: 'login',
              login: 'pat@example.test',
              password: 'anything',
            })
          : new URLSearchParams({ prompt: form.prompt });
      response = await go(new URL(form.action, provider.issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    }
    expect(prompts).toEqual(['login', 'consent']);
    const callback = new URL(response.headers.get('location') ?? '');
    expect(callback.searchParams.get('state')).toBe(state);
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const tokenResponse = await fetch(discovery.token_endpoint ?? '', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code ?? '',
        redirect_uri: client.redirect_uris[0] ?? '',
        code_verifier: verifier,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const tokens = (await tokenResponse.json()) as { id_token: string; access_token: string };
    const idToken = decodeJwtPayload(tokens.id_token);
    expect(idToken).toMatchObject({
      iss: provider.issuer,
      aud: client.client_id,
      sub: 'twitch-42',
      nonce,
      email: 'pat@example.test',
      email_verified: true,
      preferred_username: 'pixelpat',
      name: 'Pixel Pat',
    });

    const userinfo = (await (
      await fetch(discovery.userinfo_endpoint ?? '', {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      })
    ).json()) as Record<string, unknown>;
    expect(userinfo).toMatchObject({
      sub: 'twitch-42',
      email: 'pat@example.test',
      name: 'Pixel Pat',
    });
  });

  it('accepts any login and derives a stable profile from it', () => {
    const a = provider.claimsFor('new.streamer@example.test');
    expect(a).toMatchObject({
      email: 'new.streamer@example.test',
      preferred_username: 'new.streamer',
      name: 'New Streamer',
    });
    expect(provider.claimsFor('NEW.streamer@example.test').sub).toBe(a.sub);
  });
});
