import type {
  OverlayAnimation,
  OverlayCorner,
  OverlaySettingsInput,
  OverlaySize,
  RotationStrategy,
  Weekday,
} from '@gametriggers/contracts';
import { overlaySettingsInputSchema } from '@gametriggers/contracts';
import type { FieldErrors } from '../streamer-profile/field-errors';
import { fieldErrorsOfIssues } from '../streamer-profile/field-errors';
import type { OverlaySettings } from './types';
import { fromZonedInputValue, toZonedInputValue } from './zoned-time';

export type BlackoutDraft =
  | { id: string; kind: 'weekly'; weekdays: Weekday[]; from: string; to: string }
  | { id: string; kind: 'once'; from: string; to: string };

/** The settings form as typed: numbers stay text until they are checked. */
export interface SettingsDraft {
  corner: OverlayCorner;
  size: OverlaySize;
  opacity: number;
  animation: OverlayAnimation;
  showSeconds: string;
  breakSeconds: string;
  maxAdsPerHour: string;
  rotationStrategy: RotationStrategy;
  rotationIntervalSeconds: string;
  weights: { rate: string; ctr: string; fairness: string };
  timeZone: string;
  blackouts: BlackoutDraft[];
}

let nextBlackoutId = 0;
/**
 * An id for a blackout added in the browser. Saved ones are numbered by position instead, so the
 * server's render and the browser's agree.
 */
export const blackoutId = () => `blackout-new-${++nextBlackoutId}`;

export function draftOf(settings: OverlaySettings): SettingsDraft {
  return {
    corner: settings.corner,
    size: settings.size,
    opacity: settings.opacity,
    animation: settings.animation,
    showSeconds: String(settings.showSeconds),
    breakSeconds: String(settings.breakSeconds),
    maxAdsPerHour: String(settings.maxAdsPerHour),
    rotationStrategy: settings.rotationStrategy,
    rotationIntervalSeconds: String(settings.rotationIntervalSeconds),
    weights: {
      rate: String(settings.weights.rate),
      ctr: String(settings.weights.ctr),
      fairness: String(settings.weights.fairness),
    },
    timeZone: settings.timeZone,
    blackouts: settings.blackouts.map((period, index) =>
      period.kind === 'weekly'
        ? { id: `blackout-${index}`, ...period, weekdays: [...period.weekdays] }
        : {
            id: `blackout-${index}`,
            kind: 'once',
            from: toZonedInputValue(period.from, settings.timeZone),
            to: toZonedInputValue(period.to, settings.timeZone),
          },
    ),
  };
}

/** A typed number, or NaN for a blank field (which the schema reports as missing). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The draft as the service's input: checked with the same schema the service uses. */
export function parseDraft(
  draft: SettingsDraft,
): { ok: true; input: OverlaySettingsInput } | { ok: false; errors: FieldErrors } {
  const candidate = {
    corner: draft.corner,
    size: draft.size,
    opacity: draft.opacity,
    animation: draft.animation,
    showSeconds: numberOf(draft.showSeconds),
    breakSeconds: numberOf(draft.breakSeconds),
    maxAdsPerHour: numberOf(draft.maxAdsPerHour),
    rotationStrategy: draft.rotationStrategy,
    rotationIntervalSeconds: numberOf(draft.rotationIntervalSeconds),
    weights: {
      rate: numberOf(draft.weights.rate),
      ctr: numberOf(draft.weights.ctr),
      fairness: numberOf(draft.weights.fairness),
    },
    timeZone: draft.timeZone,
    blackouts: draft.blackouts.map((period) =>
      period.kind === 'weekly'
        ? { kind: 'weekly' as const, weekdays: period.weekdays, from: period.from, to: period.to }
        : {
            kind: 'once' as const,
            from: fromZonedInputValue(period.from, draft.timeZone),
            to: fromZonedInputValue(period.to, draft.timeZone),
          },
    ),
  };
  const parsed = overlaySettingsInputSchema.safeParse(candidate);
  // A blank date-and-time reads as an invalid date; say what to do rather than the type error.
  const blanks: FieldErrors = {};
  draft.blackouts.forEach((period, index) => {
    if (period.kind !== 'once') return;
    if (!period.from) blanks[`blackouts.${index}.from`] = 'Pick when it starts';
    if (!period.to) blanks[`blackouts.${index}.to`] = 'Pick when it ends';
  });
  if (parsed.success && Object.keys(blanks).length === 0) return { ok: true, input: parsed.data };
  return {
    ok: false,
    errors: { ...(parsed.success ? {} : fieldErrorsOfIssues(parsed.error.issues)), ...blanks },
  };
}
