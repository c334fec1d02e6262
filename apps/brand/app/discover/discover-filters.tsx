import {
  contentCategories,
  countries,
  languages,
  streamerSearchSorts,
} from '@gametriggers/contracts';
import type { SearchStreamersInput } from '@gametriggers/contracts';
import { Button, CheckboxGroup, Field, Select } from '@gametriggers/ui';

const sortLabels: Record<(typeof streamerSearchSorts)[number], string> = {
  followers: 'Most followers',
  averageViewers: 'Most average viewers',
  newest: 'Newest on Gametriggers',
};

const options = (list: ReadonlyArray<{ id: string; label: string }>) =>
  list.map((entry) => ({ value: entry.id, label: entry.label }));

/** A plain GET form: the filters live in the URL, so a search can be shared and reloaded. */
export function DiscoverFilters({ search }: { search: SearchStreamersInput }) {
  return (
    <form
      method="get"
      action="/discover"
      role="search"
      aria-label="Filter streamers"
      className="space-y-5 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      data-testid="discover-filters"
    >
      <Field
        id="discover-q"
        name="q"
        type="search"
        label="Search"
        placeholder="Display or channel name"
        defaultValue={search.query ?? ''}
      />
      <CheckboxGroup
        name="category"
        legend="Categories"
        hint="Streamers in any of the chosen ones."
        options={options(contentCategories)}
        defaultValue={search.categories ?? []}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Select
          id="discover-language"
          name="language"
          label="Language"
          placeholder="Any language"
          options={options(languages)}
          defaultValue={search.languages?.[0] ?? ''}
        />
        <Select
          id="discover-country"
          name="country"
          label="Country"
          placeholder="Anywhere"
          options={options(countries)}
          defaultValue={search.countries?.[0] ?? ''}
        />
        <Field
          id="discover-min-followers"
          name="minFollowers"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          label="Minimum followers"
          placeholder="0"
          defaultValue={search.minFollowers ?? ''}
        />
        <Field
          id="discover-min-average-viewers"
          name="minAverageViewers"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          label="Minimum average viewers"
          placeholder="0"
          defaultValue={search.minAverageViewers ?? ''}
        />
        <Field
          id="discover-min-reputation"
          name="minReputation"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          label="Minimum reputation (RP)"
          placeholder="0"
          defaultValue={search.minReputation ?? ''}
        />
        <Select
          id="discover-sort"
          name="sort"
          label="Sort by"
          options={streamerSearchSorts.map((sort) => ({ value: sort, label: sortLabels[sort] }))}
          defaultValue={search.sort ?? 'followers'}
        />
      </div>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          name="live"
          value="1"
          defaultChecked={search.liveOnly}
          className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
          data-testid="discover-live"
        />
        Live now only
      </label>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" data-testid="discover-submit">
          Show streamers
        </Button>
        <a
          href="/discover"
          className="inline-flex items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:text-slate-900"
        >
          Clear filters
        </a>
      </div>
    </form>
  );
}
