import { fileTypeFromBuffer } from 'file-type';
import type { AssetUseRules } from '../domain/asset-uses';
import { claimedKindOf } from '../domain/asset-uses';
import type { CheckOutcome } from './check-outcome';
import { describeBytes, refused } from './check-outcome';
import { measureImage } from './measure-image';
import { probeVideo } from './probe-video';

const PDF_END = Buffer.from('%%EOF');

/**
 * Judges an upload by its bytes alone: what they are (magic bytes, never the name or the declared
 * type), whether that is what was claimed and what the use accepts, and whether it fits the use's
 * limits once decoded.
 */
export async function checkBytes(
  bytes: Uint8Array,
  claimedType: string,
  rules: AssetUseRules,
  ffprobePath: string,
): Promise<CheckOutcome> {
  if (bytes.length === 0) return refused('The file is empty.');
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return refused('The file’s contents are not a format we recognise.');
  const kind = rules.contentTypes[detected.mime];
  const accepted = Object.keys(rules.contentTypes).join(', ');
  if (!kind) {
    return refused(`The file is ${detected.mime} (.${detected.ext}), which is not accepted here (accepted: ${accepted}).`);
  }
  const claimedKind = claimedKindOf(claimedType);
  if (claimedKind !== kind) {
    return refused(
      `The file is ${detected.mime} (a ${kind}), but it was uploaded as ${claimedType || 'an unknown type'}.`,
    );
  }
  const maxBytes = rules.maxBytes[kind] ?? 0;
  if (bytes.length > maxBytes) {
    return refused(`The file is ${describeBytes(bytes.length)}; a ${kind} may be at most ${describeBytes(maxBytes)} here.`);
  }
  if (kind === 'image') return measureImage(bytes, detected.mime, rules.image);
  if (kind === 'video') {
    if (!rules.video) return refused('Videos are not accepted here.');
    return probeVideo(bytes, detected.mime, rules.video, ffprobePath);
  }
  // A PDF ends with `%%EOF` (possibly followed by a line break): one cut off part-way does not.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes(PDF_END)) {
    return refused('The PDF is cut off and cannot be read.');
  }
  return {
    verdict: 'ready',
    facts: { kind: 'document', contentType: detected.mime, width: null, height: null, durationMs: null, videoCodec: null },
  };
}
