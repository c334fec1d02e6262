import { Card } from '@gametriggers/ui';
import type { Progression } from './types';

const number = (value: number) => value.toLocaleString('en-US');

/** The level, and how far the XP has come between this level and the next. */
export function LevelProgress({ progression }: { progression: Progression }) {
  const span = progression.nextLevelAt - progression.levelStartsAt;
  const gained = Math.min(
    span,
    Math.max(0, progression.experiencePoints - progression.levelStartsAt),
  );
  const percent = span > 0 ? Math.floor((gained / span) * 100) : 100;
  return (
    <Card className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">
          Level <span data-testid="progression-level">{progression.level}</span>
        </h2>
        <p className="text-sm text-slate-600" data-testid="progression-xp">
          {number(progression.experiencePoints)} XP
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={`Progress to level ${progression.level + 1}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-violet-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600" data-testid="progression-next-level">
        {number(progression.nextLevelAt - progression.experiencePoints)} XP to level{' '}
        {progression.level + 1} (at {number(progression.nextLevelAt)} XP).
      </p>
    </Card>
  );
}
