import type { MediaBounds } from '../domain/asset-uses';

/** Why a picture's size is out of bounds for its use, or undefined when it fits. */
export function outsideBounds(
  size: { width: number; height: number },
  bounds: MediaBounds,
  what: 'image' | 'video',
): string | undefined {
  const { width, height } = size;
  if (width > bounds.maxWidth || height > bounds.maxHeight) {
    return `The ${what} is ${width}×${height} pixels; at most ${bounds.maxWidth}×${bounds.maxHeight} is accepted here.`;
  }
  if (width < bounds.minWidth || height < bounds.minHeight) {
    return `The ${what} is ${width}×${height} pixels; at least ${bounds.minWidth}×${bounds.minHeight} is needed.`;
  }
  return undefined;
}
