import { discoverySorts, pricingModels } from '@gametriggers/contracts';
import type { ContentCategory } from '@gametriggers/contracts';
import { Button, Select } from '@gametriggers/ui';
import { categoryLabel } from './formatting';
import type { MarketplaceFilters as Filters } from './search-params';

/**
 * A plain GET form: the filters live in the URL and work without JavaScript. The category choices
 * are the streamer's own categories, the only ones a campaign can match them by.
 */
export function MarketplaceFilters({
  filters,
  categories,
}: {
  filters: Filters;
  categories: readonly ContentCategory[];
}) {
  return (
    <form
      method="get"
      action="/marketplace"
      data-testid="marketplace-filters"
      className="mb-6 grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
    >
      <Select
        id="filter-category"
        name="category"
        label="Category"
        placeholder="All my categories"
        defaultValue={filters.category ?? ''}
        options={categories.map((category) => ({
          value: category,
          label: categoryLabel(category),
        }))}
      />
      <Select
        id="filter-pricing"
        name="pricing"
        label="Pricing"
        placeholder="Any pricing"
        defaultValue={filters.pricingModel ?? ''}
        options={pricingModels.map((entry) => ({
          value: entry.id,
          label: `${entry.label} (${entry.unit})`,
        }))}
      />
      <Select
        id="filter-sort"
        name="sort"
        label="Sort by"
        defaultValue={filters.sort}
        options={discoverySorts.map((entry) => ({ value: entry.id, label: entry.label }))}
      />
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
