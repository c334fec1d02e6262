import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { CryptoKey, JWK, JWTVerifyGetKey, KeyObject } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_TYPE } from '@gametriggers/tokens';
import type { AccessTokenClaims } from '@gametriggers/tokens';
import type { IdentityDb } from '../database';

/** Access tokens live 15 minutes unless configured otherwise. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A retired key stays published this much longer than the tokens it signed can live. */
const RETIRED_KEY_EXTRA_MS = 5 * 60_000;

interface SealedKey {
  kid: string;
  publicJwk: JWK;
  encryptedPrivateJwk: string;
}

function encryptionKey(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function seal(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

function unseal(secret: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unreadable sealed signing key');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    encryptionKey(secret),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

async function createSealedKey(secret: string): Promise<SealedKey> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
    extractable: true,
  });
  const kid = randomBytes(12).toString('base64url');
  const publicJwk = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: ACCESS_TOKEN_ALGORITHM,
    use: 'sig',
  };
  const privateJwk = await exportJWK(privateKey);
  return { kid, publicJwk, encryptedPrivateJwk: seal(secret, JSON.stringify(privateJwk)) };
}

export interface SigningKeyStoreOptions {
  db: IdentityDb;
  secret: string;
  issuer: string;
  audience: string;
  rotationDays: number;
  accessTokenTtlSeconds?: number;
  now?: () => Date;
}

/**
 * ES256 keys in the identity database, shared by every identity instance. The newest activated key
 * signs; older ones stay in the JWKS until every token they signed has expired.
 */
export function createSigningKeyStore(options: SigningKeyStoreOptions) {
  const { db, secret } = options;
  const now = options.now ?? (() => new Date());
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const retiredKeyGraceMs = accessTokenTtlSeconds * 1000 + RETIRED_KEY_EXTRA_MS;
  let signer: { kid: string; key: KeyObject | CryptoKey; activatedAt: Date } | undefined;
  const publicKeys = new Map<string, KeyObject | CryptoKey | Uint8Array>();

  async function rotate(): Promise<string> {
    const sealed = await createSealedKey(secret);
    const at = now();
    await db.$transaction([
      db.signingKey.updateMany({
        where: { retiredAt: null, activatedAt: { not: null } },
        data: { retiredAt: new Date(at.getTime() + retiredKeyGraceMs) },
      }),
      db.signingKey.create({
        data: {
          kid: sealed.kid,
          publicJwk: { ...sealed.publicJwk },
          encryptedPrivateJwk: sealed.encryptedPrivateJwk,
          activatedAt: at,
        },
      }),
    ]);
    signer = undefined;
    return sealed.kid;
  }

  async function loadSigner() {
    const active = await db.signingKey.findFirst({
      where: { activatedAt: { not: null }, retiredAt: null },
      orderBy: { activatedAt: 'desc' },
    });
    if (!active?.activatedAt) return undefined;
    const key = await importJWK(
      JSON.parse(unseal(secret, active.encryptedPrivateJwk)) as JWK,
      ACCESS_TOKEN_ALGORITHM,
    );
    return { kid: active.kid, key: key as CryptoKey, activatedAt: active.activatedAt };
  }

  async function currentSigner() {
    signer ??= await loadSigner();
    if (!signer) {
      await rotate();
      signer = await loadSigner();
    }
    if (!signer) throw new Error('No signing key could be activated');
    return signer;
  }

  async function publishedJwks(): Promise<{ keys: JWK[] }> {
    const keys = await db.signingKey.findMany({
      where: {
        activatedAt: { not: null },
        OR: [{ retiredAt: null }, { retiredAt: { gt: now() } }],
      },
      orderBy: { activatedAt: 'desc' },
    });
    return { keys: keys.map((key) => key.publicJwk as JWK) };
  }

  /** Key lookup for verifying our own tokens in-process; unknown kids are looked up once more. */
  const verificationKey: JWTVerifyGetKey = async (header) => {
    const kid = header.kid ?? '';
    let key = publicKeys.get(kid);
    if (!key) {
      const found = await db.signingKey.findUnique({ where: { kid } });
      if (!found || (found.retiredAt && found.retiredAt <= now())) {
        throw new Error(`Unknown signing key ${kid}`);
      }
      key = await importJWK(found.publicJwk as JWK, ACCESS_TOKEN_ALGORITHM);
      publicKeys.set(kid, key);
    }
    return key;
  };

  return {
    rotate,
    publishedJwks,
    verificationKey,

    /** Rotates when the signing key is older than the rotation period. */
    async rotateIfDue(): Promise<boolean> {
      const current = await currentSigner();
      const ageMs = now().getTime() - current.activatedAt.getTime();
      if (ageMs < options.rotationDays * 86_400_000) return false;
      await rotate();
      return true;
    },

    async signAccessToken(claims: Omit<AccessTokenClaims, 'exp' | 'iat' | 'jti'>) {
      const { kid, key } = await currentSigner();
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + accessTokenTtlSeconds;
      const token = await new SignJWT({
        email: claims.email,
        role: claims.role,
        ...(claims.adminRole ? { adminRole: claims.adminRole } : {}),
        permissions: claims.permissions,
        ...(claims.sid ? { sid: claims.sid } : {}),
      })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
        .setSubject(claims.sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(key);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
  };
}

export type SigningKeyStore = ReturnType<typeof createSigningKeyStore>;
