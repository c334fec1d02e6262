import { contentCategories, labelOf, participationStatusLabels } from '@gametriggers/contracts';
import type { ParticipationStatus } from '@gametriggers/contracts';

export const categoryLabel = (id: string) => labelOf(contentCategories, id);

export const statusLabel = (status: ParticipationStatus) => participationStatusLabels[status];

export const statusTone = {
  pending: 'warning',
  active: 'success',
  paused: 'neutral',
  completed: 'brand',
  left_early: 'neutral',
  removed: 'danger',
  rejected: 'danger',
  withdrawn: 'neutral',
} as const satisfies Record<
  ParticipationStatus,
  'brand' | 'neutral' | 'success' | 'warning' | 'danger'
>;

/** "30 days", "36 hours": a G-Key cool-off length as people say it. */
export function cooloffLength(hours: number): string {
  if (hours === 0) return 'no cool-off';
  if (hours % 24 === 0) return `${hours / 24} day${hours === 24 ? '' : 's'}`;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** "2d 5h", "3h 20m", "4m": what is left until `until`. */
export function timeLeft(until: Date, now: Date): string {
  const minutes = Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${rest}m`;
  return `${rest}m`;
}
