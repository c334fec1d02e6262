/**
 * Creatives as the platform takes them: real image files uploaded as the brand through the official
 * `uploadthing` client (the gateway's `/api/uploadthing`, the asset service, the local UploadThing),
 * checked by the asset service, then approved by an admin in the moderation queue. The demo seed
 * and the browser tests use these.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '@gametriggers/api';
import type { AssetView } from '@gametriggers/contracts';
import { XhrOverFetch } from '@gametriggers/uploadthing-local/testing';
import { genUploader } from 'uploadthing/client';
import type { GenerateUploaderOptions } from 'uploadthing/types';

/** The demo campaigns' creatives (1280×720 JPEGs), shipped with this package. */
export const DEMO_CREATIVES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo-creatives');

/** One of the shipped creatives (`acme/clutch.jpg`) as a file to upload. */
export function demoCreativeFile(name: string): File {
  const bytes = readFileSync(path.join(DEMO_CREATIVES_DIR, name));
  return new File([bytes], path.basename(name), { type: 'image/jpeg' });
}

/** Node's `fetch`; its `Response.json()` is typed `Promise<unknown>`, the SDK's `FetchEsque` wants a generic. */
const nodeFetch = fetch as NonNullable<GenerateUploaderOptions['fetch']>;

/** Uploads one campaign creative as the holder of `accessToken`; answers the new asset's id. */
export async function uploadCreative(options: { gatewayUrl: string; accessToken: string }, file: File): Promise<string> {
  // The browser client PUTs with XMLHttpRequest, which Node lacks.
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= XhrOverFetch;
  const { uploadFiles } = genUploader({
    url: `${options.gatewayUrl.replace(/\/+$/, '')}/api/uploadthing`,
    package: '@gametriggers/devstack',
    fetch: nodeFetch,
  });
  const [uploaded] = await uploadFiles('campaignCreative', {
    files: [file],
    headers: { authorization: `Bearer ${options.accessToken}` },
  });
  const assetId = (uploaded?.serverData as { assetId?: unknown } | null)?.assetId;
  if (typeof assetId !== 'string') throw new Error(`Uploading ${file.name} answered no asset id`);
  return assetId;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for the asset (as its owner) until `done` says so; throws after `timeoutMs`. */
export async function awaitAsset(
  owner: ApiClient,
  assetId: string,
  done: (asset: AssetView) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<AssetView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const asset = await owner.asset.get.query({ assetId });
    if (done(asset)) return asset;
    if (Date.now() > deadline) throw new Error(`Asset ${asset.name} (${assetId}) was not ${what} after ${timeoutMs} ms: ${asset.state}, ${asset.moderation ?? 'no moderation'}`);
    await sleep(200);
  }
}

/** The asset once its bytes were checked: ready, or refused with the reason (thrown). */
export async function checkedCreative(owner: ApiClient, assetId: string): Promise<AssetView> {
  const asset = await awaitAsset(owner, assetId, (current) => current.state !== 'checking', 'checked');
  if (asset.state !== 'ready') throw new Error(`The creative ${asset.name} was refused: ${asset.refusalReason ?? asset.state}`);
  return asset;
}

/** The moderation queue's item for an uploaded creative, once the asset service's `asset.ready` has reached it. */
export async function creativeQueueItem(admin: ApiClient, assetId: string, timeoutMs = 60_000): Promise<{ itemId: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let cursor: string | undefined;
    do {
      const page = await admin.admin.moderation.list.query({ kind: 'creative_asset', status: 'pending', limit: 100, cursor });
      const item = page.items.find((candidate) => candidate.subjectId === assetId);
      if (item) return { itemId: item.id };
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (Date.now() > deadline) throw new Error(`The creative ${assetId} did not reach the moderation queue within ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** An admin approves the uploaded creative in the moderation queue; answers once the asset service has applied it. */
export async function approveCreative(admin: ApiClient, owner: ApiClient, assetId: string): Promise<AssetView> {
  const { itemId } = await creativeQueueItem(admin, assetId);
  await admin.admin.moderation.approve.mutate({ itemId });
  return awaitAsset(owner, assetId, (asset) => asset.moderation === 'approved', 'approved');
}
