import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { assetUseRules } from '../domain/asset-uses';
import { imageBytes, pdfBytes } from '../testing/media-fixtures';
import { checkBytes } from './check-bytes';

const creative = assetUseRules.campaignCreative;
const document = assetUseRules.verificationDocument;

async function mpeg4PartTwoBytes(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asset-unit-'));
  try {
    const file = path.join(dir, 'clip.mp4');
    await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=32x18:rate=5', '-t', '1', '-c:v', 'mpeg4', file]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('checkBytes', () => {
  it('refuses an image smaller than a creative may be', async () => {
    const outcome = await checkBytes(await imageBytes('png', 8, 8), 'image/png', creative, 'ffprobe');
    expect(outcome).toEqual({ verdict: 'refused', reason: 'The image is 8×8 pixels; at least 16×16 is needed.' });
  });

  it('refuses a video in a codec the overlay cannot play', async () => {
    const outcome = await checkBytes(await mpeg4PartTwoBytes(), 'video/mp4', creative, 'ffprobe');
    expect(outcome).toMatchObject({ verdict: 'refused', reason: expect.stringMatching(/encoded as mpeg4/) as unknown });
  });

  it('refuses a video where documents are uploaded', async () => {
    const outcome = await checkBytes(await mpeg4PartTwoBytes(), 'video/mp4', document, 'ffprobe');
    expect(outcome).toMatchObject({ verdict: 'refused', reason: expect.stringMatching(/video\/mp4.*not accepted here/) as unknown });
  });

  it('accepts a whole PDF and refuses one cut off', async () => {
    expect(await checkBytes(pdfBytes(), 'application/pdf', document, 'ffprobe')).toMatchObject({
      verdict: 'ready',
      facts: { kind: 'document', contentType: 'application/pdf' },
    });
    const cut = pdfBytes().subarray(0, 60);
    expect(await checkBytes(cut, 'application/pdf', document, 'ffprobe')).toEqual({ verdict: 'refused', reason: 'The PDF is cut off and cannot be read.' });
  });

  it('measures an image with EXIF orientation as it is displayed', async () => {
    const rotated = await sharp(await imageBytes('jpeg', 320, 180)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(await checkBytes(rotated, 'image/jpeg', creative, 'ffprobe')).toMatchObject({ verdict: 'ready', facts: { width: 180, height: 320 } });
  });
});
