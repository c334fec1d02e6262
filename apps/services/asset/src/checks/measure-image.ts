import sharp from 'sharp';
import type { MediaBounds } from '../domain/asset-uses';
import type { CheckOutcome } from './check-outcome';
import { refused } from './check-outcome';
import { outsideBounds } from './media-bounds';

const RENDITION_BOX = { width: 1920, height: 1080 };
const THUMBNAIL_BOX = { width: 320, height: 180 };

/**
 * Decodes the whole image (a damaged or cut-off file fails here, not on stream), checks its
 * dimensions and makes the WebP rendition and thumbnail.
 */
export async function measureImage(
  bytes: Uint8Array,
  contentType: string,
  bounds: MediaBounds | undefined,
): Promise<CheckOutcome> {
  // `failOn: 'error'` refuses truncated data too; the default would keep a half-decoded image.
  const decode = () => sharp(bytes, { failOn: 'error' }).rotate();
  let width: number;
  let height: number;
  let rendition: Buffer;
  let thumbnail: Buffer;
  try {
    const metadata = await sharp(bytes, { failOn: 'error' }).metadata();
    // EXIF orientations 5–8 swap the sides as displayed.
    const swapped = (metadata.orientation ?? 1) >= 5;
    width = (swapped ? metadata.height : metadata.width) ?? 0;
    height = (swapped ? metadata.width : metadata.height) ?? 0;
    rendition = await decode()
      .resize({ ...RENDITION_BOX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
    thumbnail = await decode()
      .resize({ ...THUMBNAIL_BOX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    return refused('The image is damaged or cut off and cannot be read.');
  }
  const outside = bounds && outsideBounds({ width, height }, bounds, 'image');
  if (outside) return refused(outside);
  return {
    verdict: 'ready',
    facts: { kind: 'image', contentType, width, height, durationMs: null, videoCodec: null },
    renditions: { rendition, thumbnail },
  };
}
