import { companySizes, contentCategories, countries, labelOf } from '@gametriggers/contracts';
import { Badge, DetailList } from '@gametriggers/ui';

// Read-only views of each profile section; used by the profile page and the wizard's review step.

const none = <span className="font-normal text-slate-400">Not given</span>;

export function formatMoney(cents: number, currency: string) {
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

export function CompanyInfoDetails({
  section,
}: {
  section: { name: string; industry: string; size: string; website?: string | null | undefined };
}) {
  return (
    <DetailList
      items={[
        { label: 'Company name', value: section.name },
        { label: 'Industry', value: section.industry },
        { label: 'Size', value: labelOf(companySizes, section.size) },
        {
          label: 'Website',
          value: section.website ? (
            <a
              href={section.website}
              className="text-brand-700 hover:underline"
              target="_blank"
              rel="noreferrer"
            >
              {section.website}
            </a>
          ) : (
            none
          ),
        },
      ]}
    />
  );
}

export function ContactPersonDetails({
  section,
}: {
  section: { name: string; position: string; phone?: string | null | undefined };
}) {
  return (
    <DetailList
      items={[
        { label: 'Name', value: section.name },
        { label: 'Position', value: section.position },
        { label: 'Phone', value: section.phone || none },
      ]}
    />
  );
}

function Chips({ values, empty = 'None' }: { values: readonly string[]; empty?: string }) {
  if (values.length === 0) return <span className="font-normal text-slate-400">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {values.map((value) => (
        <Badge key={value} tone="neutral">
          {value}
        </Badge>
      ))}
    </span>
  );
}

export function PreferencesDetails({
  section,
  currency,
}: {
  section: {
    targetAudience: readonly string[];
    contentCategories: readonly string[];
    budgetRange: { minCents: number; maxCents: number };
    regions: readonly string[];
  };
  currency: string;
}) {
  return (
    <DetailList
      items={[
        {
          label: 'Budget per campaign',
          value: `${formatMoney(section.budgetRange.minCents, currency)} – ${formatMoney(section.budgetRange.maxCents, currency)}`,
        },
        { label: 'Target audience', value: <Chips values={section.targetAudience} /> },
        {
          label: 'Content categories',
          value: (
            <Chips values={section.contentCategories.map((id) => labelOf(contentCategories, id))} />
          ),
        },
        {
          label: 'Regions',
          value: <Chips values={section.regions.map((id) => labelOf(countries, id))} />,
        },
      ]}
    />
  );
}

export function BillingInfoDetails({
  section,
}: {
  section: {
    address: {
      line1: string;
      line2?: string | null | undefined;
      city: string;
      region?: string | null | undefined;
      postalCode: string;
      country: string;
    };
    taxId?: string | null | undefined;
    currency: string;
  };
}) {
  const { address } = section;
  return (
    <DetailList
      items={[
        {
          label: 'Billing address',
          value: (
            <address className="not-italic">
              {address.line1}
              {address.line2 ? (
                <>
                  <br />
                  {address.line2}
                </>
              ) : null}
              <br />
              {[address.postalCode, address.city, address.region].filter(Boolean).join(' ')}
              <br />
              {labelOf(countries, address.country)}
            </address>
          ),
        },
        { label: 'Tax id', value: section.taxId || none },
        { label: 'Currency', value: section.currency },
      ]}
    />
  );
}
