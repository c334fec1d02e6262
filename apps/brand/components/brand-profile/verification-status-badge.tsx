import type { BrandVerificationStatus } from '@gametriggers/contracts';
import { Badge } from '@gametriggers/ui';

const look: Record<
  BrandVerificationStatus,
  { label: string; tone: 'neutral' | 'warning' | 'success' | 'danger' }
> = {
  unverified: { label: 'Not verified', tone: 'neutral' },
  pending: { label: 'Verification in review', tone: 'warning' },
  verified: { label: 'Verified', tone: 'success' },
  rejected: { label: 'Verification rejected', tone: 'danger' },
};

export function VerificationStatusBadge({ status }: { status: BrandVerificationStatus }) {
  const { label, tone } = look[status];
  return (
    <Badge tone={tone} data-testid="verification-status">
      {label}
    </Badge>
  );
}
