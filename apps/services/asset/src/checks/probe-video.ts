import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { AssetUseRules } from '../domain/asset-uses';
import type { CheckOutcome } from './check-outcome';
import { refused } from './check-outcome';
import { outsideBounds } from './media-bounds';

const run = promisify(execFile);

const probeSchema = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        duration: z.string().optional(),
      }),
    )
    .default([]),
  format: z.object({ duration: z.string().optional() }).optional(),
});

/** What Debian's `ffprobe` reads of a video: its first video stream and the container's duration. */
async function probe(ffprobePath: string, bytes: Uint8Array) {
  const dir = await mkdtemp(path.join(tmpdir(), 'asset-probe-'));
  const file = path.join(dir, 'video');
  try {
    await writeFile(file, bytes);
    const { stdout } = await run(
      ffprobePath,
      ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height,duration:format=duration', '-of', 'json', file],
      { timeout: 30_000 },
    );
    return probeSchema.parse(JSON.parse(stdout));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Probes a video for duration, dimensions and codec, and holds them against the use's limits. */
export async function probeVideo(
  bytes: Uint8Array,
  contentType: string,
  rules: NonNullable<AssetUseRules['video']>,
  ffprobePath: string,
): Promise<CheckOutcome> {
  let result: z.infer<typeof probeSchema>;
  try {
    result = await probe(ffprobePath, bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error; // no ffprobe: retry later, not the uploader's fault
    return refused('The video is damaged or cut off and cannot be read.');
  }
  const video = result.streams.find((stream) => stream.codec_type === 'video');
  if (!video?.width || !video.height || !video.codec_name) {
    return refused('The file holds no video picture that can be read.');
  }
  const seconds = Number(result.format?.duration ?? video.duration);
  if (!Number.isFinite(seconds) || seconds <= 0) return refused('The video has no readable duration.');
  const durationMs = Math.round(seconds * 1000);
  if (durationMs > rules.maxDurationMs) {
    return refused(
      `The video runs ${(durationMs / 1000).toFixed(1)} s; at most ${rules.maxDurationMs / 1000} s is accepted here.`,
    );
  }
  if (!rules.codecs.includes(video.codec_name)) {
    return refused(
      `The video is encoded as ${video.codec_name}; accepted: ${rules.codecs.join(', ')}.`,
    );
  }
  const outside = outsideBounds({ width: video.width, height: video.height }, rules, 'video');
  if (outside) return refused(outside);
  return {
    verdict: 'ready',
    facts: {
      kind: 'video',
      contentType,
      width: video.width,
      height: video.height,
      durationMs,
      videoCodec: video.codec_name,
    },
  };
}
