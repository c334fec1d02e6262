'use client';

import { MAX_SECONDARY_CATEGORIES } from '@gametriggers/contracts';
import { CheckboxGroup, Select } from '@gametriggers/ui';
import type { ContentDraft } from './drafts';
import type { FieldErrors } from './field-errors';
import { errorAt } from './field-errors';
import { categoryOptions, languageOptions, ratingOptions } from './vocabulary-options';

/** What the streamer streams: the fields of the content section (errors keyed without a prefix). */
export function ContentFields({
  draft,
  onChange,
  errors,
  idPrefix,
}: {
  draft: ContentDraft;
  onChange: (next: ContentDraft) => void;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const set = (patch: Partial<ContentDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Select
        id={`${idPrefix}-primary-category`}
        label="Main category"
        placeholder="Choose a category"
        options={categoryOptions}
        value={draft.primaryCategory}
        onChange={(event) =>
          set({
            primaryCategory: event.target.value,
            secondaryCategories: draft.secondaryCategories.filter(
              (id) => id !== event.target.value,
            ),
          })
        }
        error={errorAt(errors, 'primaryCategory')}
        hint="Campaigns in this category are the ones you match first."
      />
      <Select
        id={`${idPrefix}-language`}
        label="Stream language"
        placeholder="Choose a language"
        options={languageOptions}
        value={draft.language}
        onChange={(event) => set({ language: event.target.value })}
        error={errorAt(errors, 'language')}
      />
      <div className="sm:col-span-2">
        <CheckboxGroup
          name={`${idPrefix}-secondary-categories`}
          legend={`Other categories (up to ${MAX_SECONDARY_CATEGORIES})`}
          options={categoryOptions.filter((option) => option.value !== draft.primaryCategory)}
          value={draft.secondaryCategories}
          onChange={(next) => set({ secondaryCategories: next })}
          error={errorAt(errors, 'secondaryCategories')}
          hint="Optional. Each category can hold one live campaign at a time."
        />
      </div>
      <Select
        id={`${idPrefix}-rating`}
        label="Content rating"
        placeholder="Choose a rating"
        options={ratingOptions}
        value={draft.rating}
        onChange={(event) => set({ rating: event.target.value })}
        error={errorAt(errors, 'rating')}
        hint="Brands can exclude mature channels."
      />
    </div>
  );
}
