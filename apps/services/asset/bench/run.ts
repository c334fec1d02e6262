/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Upload to ready: a 2 MB JPEG and a 10 MB MP4 uploaded as campaign creatives through the official
 * browser client, timed until the asset's check has run (bytes sniffed, the image measured with its
 * WebP rendition and thumbnail made, the video probed with ffprobe). Side by side in the same run, the
 * baseline: the same bytes stored at the local UploadThing with `UTApi.uploadFiles`, no checks.
 *   pnpm --filter @gametriggers/asset-service bench  [UPLOADS=10]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestTokenIssuer, testCast } from '@gametriggers/testing';
import sharp from 'sharp';
import { UTApi } from 'uploadthing/server';
import { startAssetHarness } from '../src/testing/asset-harness';
import { fileOf } from '../src/testing/media-fixtures';

// BENCH_DRY_RUN=1: one upload of each, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const UPLOADS = Number(process.env.UPLOADS ?? (dryRun ? 1 : 10));

const run = promisify(execFile);

/** A 1920×1080 photo-like JPEG of about 2 MB (noise does not compress). */
function twoMegabyteJpeg(): Promise<Buffer> {
  return sharp({
    create: {
      width: 1920,
      height: 1080,
      channels: 3,
      background: { r: 0, g: 0, b: 0 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 97 })
    .toBuffer();
}

/** A 10-second 720p H.264 MP4 at 8 Mbit/s: about 10 MB. */
async function tenMegabyteMp4(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asset-bench-'));
  const file = path.join(dir, 'clip.mp4');
  try {
    await run('ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-vf', 'noise=alls=30:allf=t',
      '-t', '10', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '8M', '-maxrate', '8M', '-bufsize', '8M',
      '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file,
    ]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

// The service's request log would drown the figures.
process.env.LOG_LEVEL ??= 'warn';

const issuer = await startTestTokenIssuer();
const harness = await startAssetHarness({ jwksUrl: issuer.jwksUrl });
const store = new UTApi({ ...harness.uploadThing.sdkConfig, logLevel: 'Error' });
try {
  const token = await issuer.tokenFor(testCast().brandA);
  const samples = [
    { label: '2 MB image', name: 'ad.jpg', type: 'image/jpeg', bytes: await twoMegabyteJpeg(), kind: 'image' },
    { label: '10 MB video', name: 'clip.mp4', type: 'video/mp4', bytes: await tenMegabyteMp4(), kind: 'video' },
  ] as const;

  console.log(`Upload to ready (p50 of ${UPLOADS}, one at a time):`);
  for (const sample of samples) {
    const toReady: number[] = [];
    const storeOnly: number[] = [];
    for (let index = 0; index < UPLOADS; index++) {
      const file = fileOf(sample.bytes, sample.name, sample.type);
      toReady.push(
        await timed(async () => {
          const asset = await harness.settled(await harness.upload(token, 'campaignCreative', file));
          if (asset.state !== 'ready' || asset.kind !== sample.kind) {
            throw new Error(`The ${sample.label} was not made ready: ${asset.refusalReason ?? asset.state}`);
          }
        }),
      );
      storeOnly.push(
        await timed(async () => {
          const stored = await store.uploadFiles(fileOf(sample.bytes, sample.name, sample.type));
          if (stored.error) throw new Error(`Storing the ${sample.label} failed: ${stored.error.message}`);
        }),
      );
    }
    const megabytes = (sample.bytes.length / 1_000_000).toFixed(1);
    console.log(
      `  ${sample.label} (${megabytes} MB): upload → ready p50 ${median(toReady).toFixed(0)} ms` +
        `  |  baseline, stored without checks p50 ${median(storeOnly).toFixed(0)} ms`,
    );
  }
} finally {
  await harness.close();
  await issuer.close();
}
