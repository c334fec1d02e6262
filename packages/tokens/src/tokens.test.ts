import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerTokenFrom, createAccessTokenVerifierWithKeys } from './access-token';
import { createServiceTokenSource, signServiceToken, verifyServiceToken } from './service-token';

const secret = 'a-service-secret-that-is-at-least-32-chars';

describe('service tokens', () => {
  it('round-trips the service name', async () => {
    expect(await verifyServiceToken(secret, await signServiceToken(secret, 'campaign'))).toBe(
      'campaign',
    );
  });

  it('refuses another secret, garbage and expired tokens', async () => {
    const other = await signServiceToken('another-secret-of-at-least-32-characters', 'campaign');
    expect(await verifyServiceToken(secret, other)).toBeUndefined();
    expect(await verifyServiceToken(secret, 'garbage')).toBeUndefined();
    expect(
      await verifyServiceToken(secret, await signServiceToken(secret, 'campaign', -10)),
    ).toBeUndefined();
  });

  it('refuses a short secret', async () => {
    await expect(signServiceToken('short', 'x')).rejects.toThrow(/32 characters/);
  });

  it('reuses a fresh token', async () => {
    const source = createServiceTokenSource(secret, 'brand');
    expect(await source()).toBe(await source());
  });
});

describe('access tokens', () => {
  async function setup() {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const verifier = createAccessTokenVerifierWithKeys(() => Promise.resolve(publicKey), {
      issuer: 'iss',
      audience: 'aud',
    });
    const sign = (claims: Record<string, unknown>, expiresIn = '5m', typ = 'at+jwt') =>
      new SignJWT({
        email: 'a@b.co',
        role: 'brand',
        permissions: [],
        iat: Math.floor(Date.now() / 1000),
        ...claims,
      })
        .setProtectedHeader({ alg: 'ES256', typ })
        .setSubject('3f1c2a44-9a47-4c1b-8d6e-1f0a2b3c4d5e')
        .setIssuer('iss')
        .setAudience('aud')
        .setExpirationTime(expiresIn)
        .sign(privateKey);
    return { verifier, sign };
  }

  it('accepts a well-formed token and returns its claims', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({}))).resolves.toMatchObject({
      role: 'brand',
      email: 'a@b.co',
    });
  });

  it('refuses a token that does not say when it was issued (the gateway compares it with suspensions)', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({ iat: undefined }))).rejects.toMatchObject({
      reason: 'invalid',
    });
  });

  it('says when a token has expired', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({}, '-1m'))).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  it('refuses a wrong type, an unknown role and a refresh-looking token', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({}, '5m', 'JWT'))).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(verifier.verify(await sign({ role: 'root' }))).rejects.toMatchObject({
      reason: 'invalid',
    });
  });

  it('reads bearer headers', () => {
    expect(bearerTokenFrom('Bearer abc.def')).toBe('abc.def');
    expect(bearerTokenFrom('bearer   xyz ')).toBe('xyz');
    expect(bearerTokenFrom('Basic abc')).toBeUndefined();
    expect(bearerTokenFrom(undefined)).toBeUndefined();
  });
});
