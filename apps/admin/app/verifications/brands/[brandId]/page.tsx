import { idSchema } from '@gametriggers/contracts';
import { ButtonLink, Card, DetailList, PageHeader } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { portal } from '../../../../portal';
import { formatUtc } from '../../../format';
import { approveBrand, rejectBrand } from '../../actions';
import { BrandDecision } from '../../brand-decision';
import { BrandHistory, DocumentList } from '../../brand-history';
import { BrandStatusBadge, companySizeLabel } from '../../brand-labels';

export const dynamic = 'force-dynamic';

/** One brand's verification review: who they are, what they sent, what was decided before. */
export default async function BrandReviewPage({ params }: { params: Promise<{ brandId: string }> }) {
  await portal.requirePermission('canVerifyBrands');
  const parsed = idSchema('brand').safeParse((await params).brandId);
  if (!parsed.success) notFound();
  const brandId = parsed.data;
  const found = await portal.act(async (api) => {
    const [profile, history] = await Promise.all([
      api.brand.get.query({ brandId }),
      api.brand.verificationHistory.query({ brandId }),
    ]);
    return { profile, history };
  });
  if (!found.ok && found.error.code === 'NOT_FOUND') notFound();
  if (!found.ok) throw new Error(found.error.message);
  const { profile, history } = found.data;
  const { companyInfo, contactPerson, billingInfo, verification } = profile;
  const address = billingInfo.address;

  return (
    <portal.Shell>
      <PageHeader
        title={companyInfo.name}
        description={profile.email}
        actions={
          <ButtonLink href="/verifications?tab=brands" variant="secondary">
            Back to the queue
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold">Company</h2>
            <DetailList
              items={[
                { label: 'Industry', value: companyInfo.industry },
                { label: 'Size', value: companySizeLabel(companyInfo.size) },
                {
                  label: 'Website',
                  value: companyInfo.website ? (
                    <a href={companyInfo.website} target="_blank" rel="noreferrer noopener" className="break-all text-brand-700 hover:underline">
                      {companyInfo.website}
                    </a>
                  ) : (
                    '—'
                  ),
                },
                { label: 'Tax id', value: billingInfo.taxId ?? '—' },
                { label: 'Contact', value: `${contactPerson.name}, ${contactPerson.position}` },
                { label: 'Phone', value: contactPerson.phone ?? '—' },
                {
                  label: 'Address',
                  value: [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.region, address.country]
                    .filter(Boolean)
                    .join(', '),
                },
                { label: 'On the platform since', value: formatUtc(profile.createdAt) },
              ]}
            />
          </Card>
          <section data-testid="latest-documents" aria-labelledby="documents-title">
            <Card className="space-y-4">
              <div>
                <h2 id="documents-title" className="text-lg font-semibold">
                  Documents sent
                </h2>
                <p className="text-sm text-slate-600">
                  {verification.requestedAt ? `With the request of ${formatUtc(verification.requestedAt)}. ` : ''}
                  Each opens in a new tab through a link valid for five minutes.
                </p>
              </div>
              <DocumentList documents={verification.documents} />
            </Card>
          </section>
          <section className="space-y-3" aria-labelledby="history-title">
            <h2 id="history-title" className="text-lg font-semibold">
              Requests and decisions
            </h2>
            <BrandHistory history={history} />
          </section>
        </div>
        <div className="space-y-6">
          <Card className="space-y-4">
            <div className="flex items-center justify-between gap-3">
              <h2 className="text-lg font-semibold">Decision</h2>
              <BrandStatusBadge status={verification.status} />
            </div>
            {verification.requestedAt ? (
              <p className="text-sm text-slate-600">Requested {formatUtc(verification.requestedAt)}</p>
            ) : null}
            <p className="text-sm text-slate-600">
              {verification.documents.length === 1 ? 'One document' : `${verification.documents.length} documents`} sent; they are
              shown with the company details.
            </p>
            {verification.status === 'pending' ? (
              <BrandDecision brandId={brandId} companyName={companyInfo.name} approve={approveBrand} reject={rejectBrand} />
            ) : verification.rejectionReason ? (
              <p className="text-sm text-slate-700">Rejected: {verification.rejectionReason}</p>
            ) : null}
          </Card>
        </div>
      </div>
    </portal.Shell>
  );
}
