import {
  contentCategorySchema,
  discoverySortSchema,
  pricingModelSchema,
} from '@gametriggers/contracts';
import type { ContentCategory, DiscoverySort, PricingModel } from '@gametriggers/contracts';

export type MarketplaceParams = Record<string, string | string[] | undefined>;

export interface MarketplaceFilters {
  category?: ContentCategory | undefined;
  pricingModel?: PricingModel | undefined;
  sort: DiscoverySort;
}

const firstOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

/** The filters from the URL (a plain GET form, so a view can be shared); unknown values are ignored. */
export function filtersFromParams(params: MarketplaceParams): MarketplaceFilters {
  return {
    category: contentCategorySchema.safeParse(firstOf(params.category)).data,
    pricingModel: pricingModelSchema.safeParse(firstOf(params.pricing)).data,
    sort: discoverySortSchema.safeParse(firstOf(params.sort)).data ?? 'newest',
  };
}

export function paramsOfFilters(filters: MarketplaceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.pricingModel) params.set('pricing', filters.pricingModel);
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  return params;
}

export const isNarrowed = (filters: MarketplaceFilters) =>
  Boolean(filters.category || filters.pricingModel);
