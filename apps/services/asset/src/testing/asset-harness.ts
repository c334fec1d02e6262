import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetView } from '@gametriggers/contracts';
import { createEventSender } from '@gametriggers/events/testing';
import { createPersonClient, createServiceClient } from '@gametriggers/trpc';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { startLocalUploadThing } from '@gametriggers/uploadthing-local';
import { XhrOverFetch } from '@gametriggers/uploadthing-local/testing';
import { genUploader } from 'uploadthing/client';
import { UTApi } from 'uploadthing/server';
import type { GenerateUploaderOptions } from 'uploadthing/types';
import type { AssetServiceOptions } from '../app';
import { startAssetService } from '../app';
import { assetView } from '../domain/asset-view';
import type { AssetRouter } from '../router';
import type { AssetFileRouter } from '../upload/file-router';
import { UPLOAD_ROUTE_PATH } from '../upload/upload-route';

/** Files made at test time (images, a short video, a PDF) for other services' tests to upload. */
export { fileOf, imageBytes, mp4Bytes, pdfBytes } from './media-fixtures';

export const assetMigrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

export const assetTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

export interface AssetHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  /** The service's and the local UploadThing's clock (the SDK signs with `Date.now()`: fake `Date` to match). */
  now?: () => Date;
  serviceSecret?: string;
  /** The Redis URL and BullMQ prefix to share with the services it talks to by events (the admin service's moderation queue). */
  events?: { redisUrl: string; queuePrefix: string };
}

/** Node's `fetch`; its `Response.json()` is typed `Promise<unknown>`, the SDK's `FetchEsque` wants a generic. */
const nodeFetch = fetch as NonNullable<GenerateUploaderOptions['fetch']>;

/**
 * A real asset service for tests, with its own database, Redis namespace and local UploadThing (files
 * in a temporary folder). `upload` goes through the official browser client, as the portals will.
 */
export async function startAssetHarness(options: AssetHarnessOptions) {
  const filesDir = mkdtempSync(path.join(tmpdir(), 'asset-files-'));
  const uploadThing = await startLocalUploadThing({ port: 0, dir: filesDir, ...(options.now ? { clock: options.now } : {}) });
  const database = await createTestDatabase(assetMigrationsDir, 'asset');
  const redis = options.events ? undefined : createTestRedisNamespace('asset');
  const events = options.events ?? { redisUrl: redis!.url, queuePrefix: redis!.prefix };
  const config: AssetServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: events.redisUrl,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? assetTestServiceSecret,
    UPLOADTHING_TOKEN: uploadThing.token,
    UPLOADTHING_INGEST_URL: uploadThing.ingestUrl,
    UPLOADTHING_API_URL: uploadThing.apiUrl,
    UPLOADTHING_UFS_HOST: uploadThing.ufsHost,
    UPLOADTHING_UFS_APP_ID_LOCATION: 'path',
    FFPROBE_PATH: 'ffprobe',
    queuePrefix: events.queuePrefix,
    now: options.now,
  };
  const service = await startAssetService(config);
  const { uploadFiles } = genUploader<AssetFileRouter>({ url: `${service.url}${UPLOAD_ROUTE_PATH}`, package: 'vitest', fetch: nodeFetch });

  const storeApi = new UTApi({ ...uploadThing.sdkConfig, logLevel: 'Error' });
  const db = service.deps.db;
  const sender = createEventSender({
    consumer: 'asset',
    redisUrl: events.redisUrl,
    queuePrefix: events.queuePrefix,
    now: service.deps.now,
    isApplied: async (eventId) => (await db.processedEvent.count({ where: { consumer: 'asset', eventId } })) > 0,
  });

  function client(token?: string) {
    return createPersonClient<AssetRouter>({ url: service.url, accessToken: token });
  }

  function serviceClient(caller = 'test') {
    return createServiceClient<AssetRouter>({ url: service.url, secret: config.SERVICE_SECRET, caller });
  }

  /** Uploads one file through the browser client as the holder of `token`; answers the new asset's id. */
  async function upload(token: string | undefined, route: keyof AssetFileRouter, file: File): Promise<string> {
    // The browser client PUTs with XMLHttpRequest, which Node lacks.
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= XhrOverFetch;
    const [uploaded] = await uploadFiles(route, {
      files: [file],
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const assetId = (uploaded?.serverData as { assetId?: string } | null)?.assetId;
    if (!assetId) throw new Error('The upload answered no asset id');
    return assetId;
  }

  /** The asset once its check has run (`ready` or `refused`), as its owner sees it. */
  async function settled(assetId: string, timeoutMs = 20_000): Promise<AssetView> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const asset = await service.deps.db.asset.findUniqueOrThrow({ where: { id: assetId } });
      if (asset.state !== 'checking') return assetView(asset);
      if (performance.now() > deadline) throw new Error(`Asset ${assetId} was still being checked after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Keys of every file the local UploadThing holds. */
  async function storedKeys(): Promise<string[]> {
    const { files } = await storeApi.listFiles();
    return files.map((file) => file.key);
  }

  return {
    url: service.url,
    service,
    config,
    uploadThing,
    client,
    serviceClient,
    upload,
    settled,
    storedKeys,
    /** Sends an event to the asset service's queue as a relay would (a moderation decision), and waits until it is applied. */
    events: sender,
    db,
    async close() {
      await sender.close();
      await service.close(1_000);
      await uploadThing.close();
      await redis?.clear();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
export type AssetHarness = Awaited<ReturnType<typeof startAssetHarness>>;
