import { contentCategories, contentRatings, labelOf, languages } from '@gametriggers/contracts';
import { Card, DetailList } from '@gametriggers/ui';
import type { ModerationItemDetail } from './moderation-labels';

type CreativeOf = Extract<ModerationItemDetail, { kind: 'campaign_creative' }>['content'];

function CreativeContent({ content }: { content: CreativeOf }) {
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

/** A profile's public text as the moderator reads it. */
function ProfileContent({ items }: { items: Parameters<typeof DetailList>[0]['items'] }) {
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">Public profile</h2>
      <div data-testid="moderation-profile">
        <DetailList items={items} />
      </div>
    </Card>
  );
}

const categoryLabel = (id: string) => labelOf(contentCategories, id);

/** The content under review, shown as its kind needs. */
export function ModeratedContent({ item }: { item: ModerationItemDetail }) {
  switch (item.kind) {
    case 'campaign_creative':
      return <CreativeContent content={item.content} />;
    case 'brand_profile':
      return (
        <ProfileContent
          items={[
            { label: 'Company name', value: item.content.companyName },
            { label: 'Industry', value: item.content.industry },
            {
              label: 'Website',
              value: item.content.website ? (
                <span className="break-all">{item.content.website}</span>
              ) : (
                '—'
              ),
            },
          ]}
        />
      );
    case 'streamer_profile':
      return (
        <ProfileContent
          items={[
            { label: 'Display name', value: item.content.displayName },
            { label: 'Main category', value: categoryLabel(item.content.primaryCategory) },
            {
              label: 'Other categories',
              value: item.content.secondaryCategories.map(categoryLabel).join(', ') || '—',
            },
            { label: 'Language', value: labelOf(languages, item.content.language) },
            { label: 'Content rating', value: labelOf(contentRatings, item.content.rating) },
          ]}
        />
      );
  }
}
