import type { RouterOutputs } from '@gametriggers/api';
import { Button, ButtonLink, EmptyState, Field, LoadMore, Select, Table } from '@gametriggers/ui';
import { formatUtc } from '../format';
import { listHref } from '../list-filters';
import { BrandStatusBadge, companySizeLabel } from './brand-labels';

type BrandSummary = RouterOutputs['brand']['list']['items'][number];

export const brandStatusOptions = [
  { value: 'pending', label: 'Waiting for review' },
  { value: 'verified', label: 'Verified' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'unverified', label: 'Never asked' },
  { value: 'all', label: 'Any status' },
] as const;

function BrandFilters({ values }: { values: Record<string, string> }) {
  return (
    <form
      method="get"
      action="/verifications"
      data-testid="brand-filters"
      className="mb-4 grid gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[12rem_1fr_auto] sm:items-end"
    >
      <input type="hidden" name="tab" value="brands" />
      <Select id="brand-status" name="status" label="Status" options={brandStatusOptions} defaultValue={values.status ?? 'pending'} />
      <Field id="brand-search" name="search" label="Company name" defaultValue={values.search ?? ''} />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <ButtonLink href="/verifications?tab=brands" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}

/** Brands by verification status (waiting for review first), each opening to its review. */
export function BrandQueue({
  page,
  values,
}: {
  page: RouterOutputs['brand']['list'];
  values: Record<string, string>;
}) {
  return (
    <section aria-label="Brand verifications">
      <BrandFilters values={values} />
      {page.items.length === 0 ? (
        <EmptyState title="No brands here">No brand matches these filters.</EmptyState>
      ) : (
        <Table<BrandSummary>
          caption="Brands"
          rowTestId="brand-row"
          rowKey={(brand) => brand.brandId}
          phoneLayout="cards"
          rows={page.items}
          columns={[
            {
              header: 'Company',
              cell: (brand) => (
                <a
                  href={`/verifications/brands/${brand.brandId}`}
                  className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                  data-testid="brand-review-link"
                >
                  {brand.companyName}
                  <span className="block text-xs font-normal text-slate-500">{brand.email}</span>
                </a>
              ),
            },
            { header: 'Industry', cell: (brand) => brand.industry },
            { header: 'Size', cell: (brand) => companySizeLabel(brand.size) },
            {
              header: 'Requested',
              cell: (brand) => (brand.verificationRequestedAt ? formatUtc(brand.verificationRequestedAt) : '—'),
            },
            { header: 'Status', cell: (brand) => <BrandStatusBadge status={brand.verificationStatus} /> },
          ]}
        />
      )}
      <LoadMore
        href={page.nextCursor ? listHref('/verifications', { tab: 'brands', ...values }, page.nextCursor) : null}
      />
    </section>
  );
}
