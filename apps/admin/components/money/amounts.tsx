import { formatCents } from '@gametriggers/contracts';
import { cn } from '@gametriggers/ui';

/** An amount right-aligned in tabular figures. */
export function Amount({ cents, className, testId }: { cents: number; className?: string; testId?: string }) {
  return (
    <span data-testid={testId} className={cn('tabular-nums', className)}>
      {formatCents(cents)}
    </span>
  );
}
