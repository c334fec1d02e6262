import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LocalUploadThingContext } from './context';
import { FileStore } from './file-store';
import { RouteCallbacks } from './route-callbacks';
import { createRequestListener } from './server';
import type { UploadThingTokenParts } from './token';
import { createUploadThingToken, LOCAL_APP } from './token';

/** The repository's git-ignored `.dev/uploadthing`. */
export const DEFAULT_FILES_DIR = fileURLToPath(new URL('../../../.dev/uploadthing', import.meta.url));

export interface LocalUploadThingOptions {
  /** `0` (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`; the URLs say `localhost` (the SDK builds `http://` file URLs only for a host containing "local"). */
  host?: string;
  /** The host in its URLs; default `localhost` (another name must contain "local" too, e.g. `stand-ins.localhost`). */
  publicHost?: string;
  /** Where files are kept; default `.dev/uploadthing` at the repository root. */
  dir?: string;
  /** The server's clock for presigned and signed URLs' expiry and `uploadedAt`; tests inject one. */
  clock?: () => Date;
  /** The one app it serves (default: a fixed development app). */
  app?: UploadThingTokenParts;
}

/** SDK options pointing `createRouteHandler`'s `config` or `new UTApi(…)` at this server. */
export interface UploadThingSdkConfig {
  token: string;
  ingestUrl: string;
  apiUrl: string;
  ufsHost: string;
  ufsAppIdLocation: 'path';
}

export interface LocalUploadThing {
  url: string;
  port: number;
  ingestUrl: string;
  apiUrl: string;
  ufsHost: string;
  token: string;
  appId: string;
  /** The same as `UPLOADTHING_*` environment variables, for a process configured by env. */
  env: Record<string, string>;
  sdkConfig: UploadThingSdkConfig;
  close(): Promise<void>;
}

export async function startLocalUploadThing(options: LocalUploadThingOptions = {}): Promise<LocalUploadThing> {
  const app = options.app ?? LOCAL_APP;
  const token = createUploadThingToken(app);
  const callbacks = new RouteCallbacks(app.apiKey);
  const context: LocalUploadThingContext = {
    apiKey: app.apiKey,
    appId: app.appId,
    publicUrl: '', // known once listening
    clock: options.clock ?? (() => new Date()),
    store: new FileStore(options.dir ?? DEFAULT_FILES_DIR),
  };
  const server = createServer(createRequestListener(context, callbacks));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.publicHost ?? 'localhost'}:${port}`;
  context.publicUrl = url;
  const sdkConfig = { token, ingestUrl: url, apiUrl: url, ufsHost: `${options.publicHost ?? 'localhost'}:${port}`, ufsAppIdLocation: 'path' as const };
  return {
    url,
    port,
    ingestUrl: url,
    apiUrl: url,
    ufsHost: sdkConfig.ufsHost,
    token,
    appId: app.appId,
    sdkConfig,
    env: {
      UPLOADTHING_TOKEN: token,
      UPLOADTHING_INGEST_URL: url,
      UPLOADTHING_API_URL: url,
      UPLOADTHING_UFS_HOST: sdkConfig.ufsHost,
      UPLOADTHING_UFS_APP_ID_LOCATION: 'path',
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        callbacks.closeDevStreams();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
