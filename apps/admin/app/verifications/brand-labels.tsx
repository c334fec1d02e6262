import { companySizes } from '@gametriggers/contracts';
import type { BrandVerificationStatus } from '@gametriggers/contracts';
import { Badge } from '@gametriggers/ui';

const statusBadges: Record<BrandVerificationStatus, { label: string; tone: 'warning' | 'success' | 'danger' | 'neutral' }> = {
  pending: { label: 'Waiting for review', tone: 'warning' },
  verified: { label: 'Verified', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  unverified: { label: 'Never asked', tone: 'neutral' },
};

export function BrandStatusBadge({ status }: { status: BrandVerificationStatus }) {
  const badge = statusBadges[status];
  return (
    <Badge tone={badge.tone} data-testid="brand-status">
      {badge.label}
    </Badge>
  );
}

export const companySizeLabel = (size: string) => companySizes.find((option) => option.id === size)?.label ?? size;
