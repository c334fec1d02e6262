import type { AssetKind } from '@gametriggers/contracts';

export interface MediaFacts {
  kind: AssetKind;
  contentType: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  videoCodec: string | null;
}

/** An image's WebP rendition (for the overlay and portals) and thumbnail, made while checking it. */
export interface ImageRenditions {
  rendition: Uint8Array;
  thumbnail: Uint8Array;
}

export type CheckOutcome =
  | { verdict: 'ready'; facts: MediaFacts; renditions?: ImageRenditions }
  | { verdict: 'refused'; reason: string };

export const refused = (reason: string): CheckOutcome => ({ verdict: 'refused', reason });

/** `1.5 MB`, `300 KB`: sizes in refusal reasons. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
