import type { ParticipationStatus } from '@gametriggers/contracts';
import { Badge } from '@gametriggers/ui';
import { statusLabel, statusTone } from './formatting';

export function ParticipationStatusBadge({
  status,
  testId = 'participation-status',
}: {
  status: ParticipationStatus;
  testId?: string;
}) {
  return (
    <Badge tone={statusTone[status]} data-testid={testId}>
      {statusLabel(status)}
    </Badge>
  );
}
