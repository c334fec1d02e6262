import { assetUseFiles } from '@gametriggers/contracts';
import type { AssetKind, AssetUse } from '@gametriggers/contracts';

const MB = 1024 * 1024;

/** What a person is told each drop zone takes (the asset service's rules per use, in words). */
export const uploadHints: Readonly<Record<AssetUse, string>> = {
  campaignCreative: 'PNG, JPEG, WebP or GIF up to 8 MB and 3840×2160; MP4 or WebM up to 64 MB and 60 seconds.',
  verificationDocument: 'PDF, PNG, JPEG or WebP, up to 8 MB.',
  kycDocument: 'PDF, PNG, JPEG or WebP, up to 8 MB.',
};

/** The content types of `use` limited to `kinds` (all of the use's when none are given). */
export function acceptedTypes(use: AssetUse, kinds?: readonly AssetKind[]): Record<string, AssetKind> {
  return Object.fromEntries(
    Object.entries(assetUseFiles[use].contentTypes).filter(([, kind]) => !kinds || kinds.includes(kind)),
  );
}

/**
 * Why this file cannot be uploaded for `use`, before sending it; null when it may go. The service
 * checks the bytes again after every upload: this only spares a person an upload that cannot pass.
 */
export function fileRefusal(use: AssetUse, file: { name: string; type: string; size: number }, kinds?: readonly AssetKind[]): string | null {
  const kind = acceptedTypes(use, kinds)[file.type];
  if (!kind) return `${file.name} is not a type this accepts. ${uploadHints[use]}`;
  if (file.size === 0) return `${file.name} is empty.`;
  const max = assetUseFiles[use].maxBytes[kind];
  if (max !== undefined && file.size > max) {
    return `${file.name} is ${(file.size / MB).toFixed(1)} MB; a${kind === 'image' ? 'n' : ''} ${kind} may be at most ${Math.round(max / MB)} MB.`;
  }
  return null;
}
