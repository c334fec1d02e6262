import { contentCategories, contentRatings, labelOf, languages } from '@gametriggers/contracts';
import { Card, DetailList } from '@gametriggers/ui';
import type { ReactNode } from 'react';
import type { ModerationItem, ModerationItemDetail } from './moderation-labels';
import { formatDimensions, formatDuration, formatFileSize, formatInstant } from './moderation-labels';

type CreativeOf = Extract<ModerationItemDetail, { kind: 'campaign_creative' }>['content'];
type CreativeAssetOf = Extract<ModerationItemDetail, { kind: 'creative_asset' }>['content'];

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

/**
 * A file a brand uploaded as a creative, before any campaign takes it: the picture as the overlay
 * will show it (its WebP rendition) or the video, playable, with what the checks measured.
 */
function CreativeAssetContent({ content, owner }: { content: CreativeAssetOf; owner: ReactNode }) {
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">Uploaded creative</h2>
      <div className="overflow-hidden rounded-xl bg-slate-900/5 ring-1 ring-slate-200" data-testid="moderation-creative-asset">
        {content.kind === 'video' ? (
          <video
            src={content.url}
            controls
            muted
            playsInline
            preload="metadata"
            className="max-h-96 w-full object-contain"
            data-testid="moderation-creative-video"
          />
        ) : (
          <img
            src={content.renditionUrl ?? content.url}
            alt={`The uploaded creative ${content.name}`}
            className="max-h-96 w-full object-contain"
            data-testid="moderation-creative-image"
          />
        )}
      </div>
      <div className="mt-4">
        <DetailList
          items={[
            { label: 'File', value: <span className="break-all">{content.name}</span> },
            { label: 'Owner', value: owner },
            { label: 'Type', value: `${content.kind === 'video' ? 'Video' : 'Image'} (${content.contentType})` },
            { label: 'Dimensions', value: formatDimensions(content.width, content.height) },
            ...(content.kind === 'video' ? [{ label: 'Duration', value: formatDuration(content.durationMs) }] : []),
            { label: 'Size', value: formatFileSize(content.sizeBytes) },
            { label: 'Checked', value: formatInstant(new Date(content.submittedAt)) },
            {
              label: 'Original file',
              value: (
                <a href={content.url} target="_blank" rel="noreferrer" className="break-all text-brand-700 hover:underline">
                  {content.url}
                </a>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}

/** A small preview of a creative for the queue's rows; nothing for a profile. */
export function CreativeThumbnail({ item }: { item: ModerationItem }) {
  const frame = 'h-12 w-20 shrink-0 overflow-hidden rounded-md bg-slate-900/5 object-cover ring-1 ring-slate-200';
  if (item.kind === 'creative_asset') {
    return item.content.kind === 'video' ? (
      <video src={item.content.url} muted playsInline preload="metadata" className={frame} aria-label={`Video ${item.content.name}`} />
    ) : (
      <img src={item.content.thumbnailUrl ?? item.content.url} alt="" className={frame} loading="lazy" />
    );
  }
  if (item.kind === 'campaign_creative') {
    return item.content.type === 'video' ? (
      <video src={item.content.url} muted playsInline preload="metadata" className={frame} aria-label="Video creative" />
    ) : (
      <img src={item.content.url} alt="" className={frame} loading="lazy" />
    );
  }
  return null;
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
export function ModeratedContent({ item, owner }: { item: ModerationItemDetail; owner: ReactNode }) {
  switch (item.kind) {
    case 'campaign_creative':
      return <CreativeContent content={item.content} />;
    case 'creative_asset':
      return <CreativeAssetContent content={item.content} owner={owner} />;
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
