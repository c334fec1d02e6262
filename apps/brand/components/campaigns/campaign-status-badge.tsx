import type { CampaignStatus } from '@gametriggers/contracts';
import { Badge } from '@gametriggers/ui';
import { statusLabel, statusTone } from './formatting';

export function CampaignStatusBadge({
  status,
  testId = 'campaign-status',
}: {
  status: CampaignStatus;
  testId?: string;
}) {
  return (
    <Badge tone={statusTone[status]} data-testid={testId}>
      {statusLabel(status)}
    </Badge>
  );
}
