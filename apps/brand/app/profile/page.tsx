import { Alert, Card, PageHeader, ProfileModerationNotice } from '@gametriggers/ui';
import {
  BillingInfoDetails,
  CompanyInfoDetails,
  ContactPersonDetails,
  PreferencesDetails,
} from '../../components/brand-profile/profile-details';
import { draftsFromProfile } from '../../components/brand-profile/form-values';
import { requireOnboardedBrand } from '../../components/brand-profile/require-onboarded-brand';
import { SectionEditor } from '../../components/brand-profile/section-editor';
import { VerificationHistory } from '../../components/brand-profile/verification-history';
import { VerificationRequestForm } from '../../components/brand-profile/verification-request-form';
import { VerificationStatusBadge } from '../../components/brand-profile/verification-status-badge';
import { portal } from '../../portal';
import { requestVerification, saveProfileSection } from './actions';

export const dynamic = 'force-dynamic';

const dateOf = (date: Date) =>
  date.toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' });

export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string }>;
}) {
  const profile = await requireOnboardedBrand();
  const api = await portal.sessionApi();
  const history = await api.brand.verificationHistory.query({ brandId: profile.id });
  const { welcome } = await searchParams;
  const drafts = draftsFromProfile(profile);
  const { verification } = profile;
  const currency = profile.billingInfo.currency;
  const verifiedNotice =
    verification.status === 'verified' ? (
      <Alert tone="info">
        You stay verified when you change your company name or tax id; our team is told of the
        change and may ask for a document.
      </Alert>
    ) : undefined;

  return (
    <portal.Shell>
      <PageHeader
        title={profile.companyInfo.name}
        description={`Company profile · ${profile.email}`}
        actions={<VerificationStatusBadge status={verification.status} />}
      />
      <ProfileModerationNotice
        moderation={profile.profileModeration}
        publicFields="company name, industry and website"
        className="mb-6"
      />
      {welcome ? (
        <div className="mb-6" data-testid="onboarding-complete">
          <Alert tone="success" title="Your company profile is ready">
            {verification.status === 'unverified'
              ? 'Next, request verification below: only verified companies can launch campaigns.'
              : 'You can plan campaigns now.'}
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          <SectionEditor
            section="companyInfo"
            title="Company"
            description="Streamers see your company name, industry and website."
            initial={drafts.companyInfo}
            currency={currency}
            notice={verifiedNotice}
            save={saveProfileSection}
          >
            <CompanyInfoDetails section={profile.companyInfo} />
          </SectionEditor>
          <SectionEditor
            section="contactPerson"
            title="Contact person"
            initial={drafts.contactPerson}
            currency={currency}
            save={saveProfileSection}
          >
            <ContactPersonDetails section={profile.contactPerson} />
          </SectionEditor>
          <SectionEditor
            section="preferences"
            title="Preferences"
            description="The audiences and budgets you plan for."
            initial={drafts.preferences}
            currency={currency}
            save={saveProfileSection}
          >
            <PreferencesDetails section={profile.preferences} currency={currency} />
          </SectionEditor>
          <SectionEditor
            section="billingInfo"
            title="Billing"
            initial={drafts.billingInfo}
            currency={currency}
            notice={verifiedNotice}
            save={saveProfileSection}
          >
            <BillingInfoDetails section={profile.billingInfo} />
          </SectionEditor>
        </div>

        <div className="space-y-6">
          <section id="verification" className="scroll-mt-24">
            <Card>
              <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold text-slate-900">Verification</h2>
                <VerificationStatusBadge status={verification.status} />
              </div>
              {verification.status === 'verified' ? (
                <p className="text-sm text-slate-600" data-testid="verification-verified">
                  Your company was verified on{' '}
                  {verification.decidedAt ? dateOf(verification.decidedAt) : 'record'}. You can
                  launch campaigns.
                </p>
              ) : verification.status === 'pending' ? (
                <p className="text-sm text-slate-600" data-testid="verification-pending">
                  We received your documents
                  {verification.requestedAt ? ` on ${dateOf(verification.requestedAt)}` : ''} and
                  are reviewing them, usually within two business days.
                </p>
              ) : (
                <div className="space-y-4">
                  {verification.status === 'rejected' ? (
                    <Alert title="Your last request was not accepted">
                      <span data-testid="rejection-reason">
                        {verification.rejectionReason ?? 'No reason was given.'}
                      </span>{' '}
                      Fix what is mentioned and send your documents again.
                    </Alert>
                  ) : (
                    <p className="text-sm text-slate-600">
                      Only verified companies can launch campaigns. Verification checks that your
                      company is real and that you may act for it.
                    </p>
                  )}
                  <VerificationRequestForm
                    submit={requestVerification}
                    resubmission={verification.status === 'rejected'}
                  />
                </div>
              )}
            </Card>
          </section>
          <Card>
            <h2 className="mb-4 text-lg font-semibold text-slate-900">Request history</h2>
            <VerificationHistory history={history} />
          </Card>
        </div>
      </div>
    </portal.Shell>
  );
}
