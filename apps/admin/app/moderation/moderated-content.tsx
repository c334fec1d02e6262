import { contentCategories, contentRatings, labelOf, languages } from '@gametriggers/contracts';
import { Card, DetailList } from '@gametriggers/ui';
import type { ModerationItemDetail } from './moderation-labels';

type ContentOf<K extends ModerationItemDetail['kind']> = Extract<
  ModerationItemDetail,
  { kind: K }
>['content'];

function CreativeContent({ content }: { content: ContentOf<'campaign_creative'> }) {
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">Creative</h2>
      <div className="overflow-hidden rounded-xl bg-slate-900/5 ring-1 ring-slate-200" data-testid="moderation-creative">
        {content.type === 'video' ? (
          <video src={content.url} controls muted className="max-h-96 w-full object-contain" />
        ) : (
          <img
            src={content.url}
            alt={content.altText ?? 'The campaign creative'}
            className="max-h-96 w-full object-contain"
          />
        )}
      </div>
      <div className="mt-4">
        <DetailList
          items={[
            { label: 'Creative address', value: <span className="break-all">{content.url}</span> },
            { label: 'Alt text', value: content.altText ?? '—' },
            { label: 'Click-through link', value: <span className="break-all">{content.clickThroughUrl}</span> },
            { label: 'Description', value: <span className="whitespace-pre-line">{content.description}</span> },
          ]}
        />
      </div>
    </Card>
  );
}

function BrandProfileContent({ content }: { content: ContentOf<'brand_profile'> }) {
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">Public profile</h2>
      <div data-testid="moderation-profile">
        <DetailList
          items={[
            { label: 'Company name', value: content.companyName },
            { label: 'Industry', value: content.industry },
            {
              label: 'Website',
              value: content.website ? <span className="break-all">{content.website}</span> : '—',
            },
          ]}
        />
      </div>
    </Card>
  );
}

function StreamerProfileContent({ content }: { content: ContentOf<'streamer_profile'> }) {
  const categoryLabel = (id: string) => labelOf(contentCategories, id);
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">Public profile</h2>
      <div data-testid="moderation-profile">
        <DetailList
          items={[
            { label: 'Display name', value: content.displayName },
            { label: 'Main category', value: categoryLabel(content.primaryCategory) },
            {
              label: 'Other categories',
              value: content.secondaryCategories.map(categoryLabel).join(', ') || '—',
            },
            { label: 'Language', value: labelOf(languages, content.language) },
            { label: 'Content rating', value: labelOf(contentRatings, content.rating) },
          ]}
        />
      </div>
    </Card>
  );
}

/** The content under review, shown as its kind needs. */
export function ModeratedContent({ item }: { item: ModerationItemDetail }) {
  switch (item.kind) {
    case 'campaign_creative':
      return <CreativeContent content={item.content} />;
    case 'brand_profile':
      return <BrandProfileContent content={item.content} />;
    case 'streamer_profile':
      return <StreamerProfileContent content={item.content} />;
  }
}
