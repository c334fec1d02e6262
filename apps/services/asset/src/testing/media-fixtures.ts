import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

/** A small real picture in one format, made with sharp. */
export async function imageBytes(format: 'png' | 'jpeg' | 'webp', width = 320, height = 180): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();
}

/** A short real H.264 MP4 (a test pattern), made with Debian's ffmpeg. */
export async function mp4Bytes(options: { seconds?: number; width?: number; height?: number } = {}): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asset-fixture-'));
  const file = path.join(dir, 'clip.mp4');
  try {
    const size = `${options.width ?? 160}x${options.height ?? 90}`;
    await run('ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=10`, '-t', String(options.seconds ?? 1),
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file,
    ]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A minimal one-page PDF. */
export function pdfBytes(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** The start of a real executable (Node's own ELF binary). */
export async function executableBytes(): Promise<Buffer> {
  return (await readFile(process.execPath)).subarray(0, 64 * 1024);
}

export function fileOf(bytes: Uint8Array, name: string, type: string): File {
  return new File([bytes], name, { type });
}
