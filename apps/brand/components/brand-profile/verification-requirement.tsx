import type { BrandVerificationStatus } from '@gametriggers/contracts';
import { Alert } from '@gametriggers/ui';

const copy: Record<
  Exclude<BrandVerificationStatus, 'verified'>,
  { tone: 'info' | 'warning'; title: string; text: string; link: string }
> = {
  unverified: {
    tone: 'warning',
    title: 'Submitting for review needs a verified company',
    text: 'Drafts can be prepared and saved now. Before a campaign can go to review, send us your company documents; we usually decide within two business days.',
    link: 'Request verification',
  },
  pending: {
    tone: 'info',
    title: 'Your verification is in review',
    text: 'Drafts can be prepared and saved now, and submitted for review once your company is verified.',
    link: 'See your request',
  },
  rejected: {
    tone: 'warning',
    title: 'Submitting for review needs a verified company',
    text: 'Your last verification request was not accepted. Fix what our team mentioned and send your documents again; drafts can be prepared meanwhile.',
    link: 'See why and resend',
  },
};

/**
 * Shown wherever a brand prepares a campaign (the wizard, a draft's page) until its company is
 * verified: the service refuses to submit an unverified brand's campaign for review.
 */
export function VerificationRequirement({ status }: { status: BrandVerificationStatus }) {
  if (status === 'verified') return null;
  const { tone, title, text, link } = copy[status];
  return (
    <div data-testid="verification-requirement" data-status={status}>
      <Alert tone={tone} title={title}>
        {text}{' '}
        <a href="/profile#verification" className="font-semibold underline">
          {link}
        </a>
      </Alert>
    </div>
  );
}
