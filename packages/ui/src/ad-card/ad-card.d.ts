/** What the card shows: the `ad.show` payload's fields, or a campaign's in a preview. */
export interface AdCardContent {
  creative: { type: 'image' | 'video'; url: string; altText?: string | null | undefined };
  brandName: string;
  title: string;
  clickUrl?: string | null | undefined;
  clickText?: string | null | undefined;
}

export type AdCardShown = 'creative' | 'fallback';
export type AdCardFailure = 'error' | 'timeout' | 'invalid_url';

export interface AdCardOptions {
  qrSrc?: string | null | undefined;
  testId?: string;
  loadTimeoutMs?: number;
  /** Previews only: a `blob:` URL (a file the person is uploading) may be shown too. */
  allowBlobUrls?: boolean;
  onShown?: (kind: AdCardShown) => void;
  onFailed?: (reason: AdCardFailure) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export const AD_CARD_CSS: string;
export const CREATIVE_LOAD_TIMEOUT_MS: number;
export function displayLink(url: string | null | undefined): string;
export function renderAdCard(
  doc: Document,
  ad: AdCardContent,
  options?: AdCardOptions,
): { element: HTMLDivElement; dispose: () => void };
