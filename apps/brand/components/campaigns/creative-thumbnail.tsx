import type { AssetModerationState, CreativeType } from '@gametriggers/contracts';
import { Badge, cn } from '@gametriggers/ui';

/**
 * A small still of a creative: an image's thumbnail (or the image), a video's first frame; a grey
 * box when there is nothing to show.
 */
export function CreativeThumbnail({
  creative,
  alt = '',
  className,
}: {
  creative: { type: CreativeType; url: string; thumbnailUrl: string | null } | null;
  alt?: string;
  className?: string;
}) {
  const frame = cn('aspect-video w-full shrink-0 overflow-hidden rounded-lg bg-slate-200 ring-1 ring-slate-200', className);
  if (!creative?.url) return <div className={frame} aria-hidden />;
  if (creative.type === 'video' && !creative.thumbnailUrl) {
    return (
      <div className={frame}>
        <video src={creative.url} muted playsInline preload="metadata" className="h-full w-full object-cover" aria-label={alt || undefined} />
      </div>
    );
  }
  return (
    <div className={frame}>
      <img src={creative.thumbnailUrl ?? creative.url} alt={alt} loading="lazy" className="h-full w-full object-cover" data-testid="creative-thumbnail" />
    </div>
  );
}

const moderationBadges: Record<AssetModerationState, { tone: 'success' | 'warning' | 'danger' | 'neutral'; label: string }> = {
  pending: { tone: 'warning', label: 'Waiting for moderation' },
  approved: { tone: 'success', label: 'Approved' },
  rejected: { tone: 'danger', label: 'Rejected by moderation' },
  notRequired: { tone: 'neutral', label: 'No moderation needed' },
};

/** Where an uploaded creative stands with moderation. */
export function CreativeModerationBadge({ moderation }: { moderation: AssetModerationState | null }) {
  if (!moderation) return null;
  const { tone, label } = moderationBadges[moderation];
  return (
    <Badge tone={tone} data-testid="creative-moderation">
      {label}
    </Badge>
  );
}
