import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { ClientMetadata, Configuration } from 'oidc-provider';

/** What the stand-in says about a person; anything left out is derived from the login typed in. */
export interface OidcAccount {
  sub?: string;
  email: string;
  email_verified?: boolean;
  preferred_username?: string;
  name?: string;
  picture?: string;
}

export interface OidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  /** `client_secret_basic` (the default, what openid-client / next-auth send) or `client_secret_post`. */
  token_endpoint_auth_method?: 'client_secret_basic' | 'client_secret_post';
}

export interface OidcProviderOptions {
  port?: number;
  host?: string;
  /** The issuer's host when it is reached by another name than the interface listened on (a container's). */
  publicHost?: string;
  /** Path the issuer lives under, e.g. `/oidc`; the default is the root. */
  issuerPath?: string;
  clients: OidcClient[];
  /** Known people, looked up by the login typed into the dev form (their email or sub). */
  accounts?: OidcAccount[];
}

type Claims = {
  sub: string;
  email: string;
  email_verified: boolean;
  preferred_username: string;
  name: string;
  picture: string;
};

/** Any login is accepted: `pat@example.com`, or a bare name that becomes `<name>@example.test`. */
export function claimsForLogin(login: string, accounts: OidcAccount[] = []): Claims {
  const typed = login.trim().toLowerCase();
  const known = accounts.find(
    (account) => account.email.toLowerCase() === typed || account.sub === login.trim(),
  );
  const email = known?.email ?? (typed.includes('@') ? typed : `${typed}@example.test`);
  const handle = known?.preferred_username ?? email.split('@')[0] ?? typed;
  const sub = known?.sub ?? createHash('sha256').update(email).digest('hex').slice(0, 24);
  return {
    sub,
    email,
    email_verified: known?.email_verified ?? true,
    preferred_username: handle,
    name: known?.name ?? handle.replace(/[._-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
    picture: known?.picture ?? `https://avatars.example.test/${sub}.png`,
  };
}

/**
 * A local OpenID Connect provider standing in for Twitch or Google: discovery, authorization code
 * flow (PKCE optional), id tokens, userinfo, and the library's development login and consent pages,
 * where any login and password are accepted. Plain HTTP on 127.0.0.1, state in memory.
 */
export async function startOidcProvider(options: OidcProviderOptions) {
  const host = options.host ?? '127.0.0.1';
  const issuerPath = (options.issuerPath ?? '').replace(/\/$/, '');
  const accounts = options.accounts ?? [];
  // Bind first so port 0 works; the issuer needs the real port.
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.publicHost ?? host}:${port}${issuerPath}`;

  // The dev form's login becomes the session's account id; tokens carry the derived `sub`, which
  // findAccount must resolve again later (userinfo, refresh), so remember what each sub stands for.
  const bySub = new Map<string, Claims>();
  const configuration: Configuration = {
    clients: options.clients.map((client): ClientMetadata => ({
      client_id: client.client_id,
      client_secret: client.client_secret,
      redirect_uris: client.redirect_uris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: client.token_endpoint_auth_method ?? 'client_secret_basic',
    })),
    findAccount(_ctx, id) {
      const claims = bySub.get(id) ?? claimsForLogin(id, accounts);
      return { accountId: id, claims: () => ({ ...claims }) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'picture'],
    },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    features: {
      devInteractions: { enabled: true },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
    },
    pkce: { required: () => false },
    cookies: { keys: ['gametriggers-local-oidc-stand-in'] },
    ttl: {
      Session: 3600,
      Interaction: 3600,
      Grant: 3600,
      AuthorizationCode: 600,
      IdToken: 3600,
      AccessToken: 3600,
    },
    // The id token carries the profile too, as Twitch's and Google's do.
    conformIdTokenClaims: false,
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  server.on('request', (req, res) => {
    const url = req.url ?? '/';
    if (issuerPath) {
      if (
        url !== issuerPath &&
        !url.startsWith(`${issuerPath}/`) &&
        !url.startsWith(`${issuerPath}?`)
      ) {
        res.writeHead(404).end();
        return;
      }
      // oidc-provider reads the mount path from originalUrl, as under express.
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(issuerPath.length) || '/';
    }
    if (
      req.method === 'POST' &&
      /^\/interaction\/[^/]+$/.test((req.url ?? '').split('?')[0] ?? '')
    ) {
      void loginAsSub(req).then(() => handle(req, res));
      return;
    }
    void handle(req, res);
  });

  /**
   * The dev login form makes whatever was typed the account id, which becomes `sub`. Swap it for
   * the person's real `sub` before the provider reads the form (it accepts an already read body).
   */
  async function loginAsSub(req: http.IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString());
    const login = form.get('login');
    if (form.get('prompt') === 'login' && login) {
      const claims = claimsForLogin(login, accounts);
      bySub.set(claims.sub, claims);
      form.set('login', claims.sub);
    }
    (req as http.IncomingMessage & { body?: string }).body = form.toString();
  }

  return {
    issuer,
    /** The login the dev form expects for a given person: their email. */
    claimsFor: (login: string) => claimsForLogin(login, accounts),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type OidcStandIn = Awaited<ReturnType<typeof startOidcProvider>>;
