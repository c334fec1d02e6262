import { ButtonLink } from '@gametriggers/ui';
import type { ReactNode } from 'react';
import { ownBrandProfile } from './own-brand-profile';

function Banner({
  tone,
  title,
  action,
  children,
}: {
  tone: 'brand' | 'warning';
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      data-testid="brand-setup-banner"
      className={
        tone === 'brand'
          ? 'mb-6 flex flex-wrap items-center justify-between gap-4 rounded-2xl bg-brand-50 p-5 ring-1 ring-brand-100'
          : 'mb-6 flex flex-wrap items-center justify-between gap-4 rounded-2xl bg-amber-50 p-5 ring-1 ring-amber-200'
      }
    >
      <div className="max-w-2xl">
        <h2 className="font-semibold text-slate-900">{title}</h2>
        <p className="mt-1 text-sm text-slate-700">{children}</p>
      </div>
      {action}
    </section>
  );
}

/**
 * What a brand still has to do before it can launch campaigns: finish its profile, then get
 * verified. Renders nothing once the brand is verified.
 */
export async function BrandSetupBanner() {
  const profile = await ownBrandProfile();
  if (!profile) {
    return (
      <Banner
        tone="brand"
        title="Finish your company profile"
        action={<ButtonLink href="/onboarding">Set up your company</ButtonLink>}
      >
        Tell us about your company, who to contact and what audiences you want to reach. It takes
        about three minutes.
      </Banner>
    );
  }
  switch (profile.verification.status) {
    case 'verified':
      return null;
    case 'pending':
      return (
        <Banner tone="brand" title="Verification in review">
          We are checking your documents, usually within two business days. You can prepare
          campaigns meanwhile; launching them waits for the verification.
        </Banner>
      );
    case 'rejected':
      return (
        <Banner
          tone="warning"
          title="Get verified to launch campaigns"
          action={
            <ButtonLink href="/profile#verification" variant="secondary">
              See why and try again
            </ButtonLink>
          }
        >
          Your last verification request was not accepted
          {profile.verification.rejectionReason ? `: ${profile.verification.rejectionReason}` : '.'}
        </Banner>
      );
    case 'unverified':
      return (
        <Banner
          tone="brand"
          title="Get verified to launch campaigns"
          action={<ButtonLink href="/profile#verification">Request verification</ButtonLink>}
        >
          Only verified companies can launch campaigns. Send us your registration or tax documents;
          we review them quickly.
        </Banner>
      );
  }
}
