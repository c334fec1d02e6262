import { cn } from './cn';

/**
 * The sponsor card as the stream overlay shows it, for previews: the creative (image or muted
 * looping video), who it is from, the headline and where a click goes, over a stand-in stream.
 */
export function AdCardPreview({
  creative,
  brandName,
  title,
  clickThroughUrl,
  adDurationSeconds,
  className,
}: {
  creative: { type: 'image' | 'video'; url: string; altText?: string | null | undefined };
  brandName: string;
  title: string;
  clickThroughUrl: string;
  adDurationSeconds?: number | undefined;
  className?: string;
}) {
  const host = hostOf(clickThroughUrl);
  const hasCreative = /^https:\/\/\S+$/.test(creative.url);
  return (
    <figure
      data-testid="ad-preview"
      className={cn(
        'relative aspect-video w-full overflow-hidden rounded-2xl bg-gradient-to-br from-slate-800 via-slate-900 to-slate-950 shadow-inner ring-1 ring-slate-200',
        className,
      )}
    >
      <figcaption className="absolute top-3 left-3 rounded-full bg-black/40 px-2.5 py-1 text-[11px] font-medium tracking-wide text-white/80 uppercase">
        Overlay preview
      </figcaption>
      <div className="absolute right-[4%] bottom-[6%] w-[46%] max-w-[18rem] overflow-hidden rounded-xl bg-slate-950/85 text-white shadow-2xl ring-1 ring-white/15 backdrop-blur">
        <div className="grid aspect-video place-items-center bg-slate-800">
          {!hasCreative ? (
            <span className="px-3 text-center text-xs text-white/60">Your creative shows here</span>
          ) : creative.type === 'video' ? (
            <video
              src={creative.url}
              muted
              autoPlay
              loop
              playsInline
              aria-label={creative.altText ?? undefined}
              className="size-full object-cover"
            />
          ) : (
            // A plain img: creatives live on the brand's own hosts, as the overlay loads them.
            <img
              src={creative.url}
              alt={creative.altText ?? ''}
              className="size-full object-cover"
            />
          )}
        </div>
        <div className="space-y-0.5 px-2.5 py-2">
          <p className="truncate text-[10px] font-medium tracking-wide text-brand-300 uppercase">
            Sponsored · {brandName || 'Your brand'}
          </p>
          <p className="line-clamp-2 text-xs leading-snug font-semibold">
            {title || 'Your campaign title'}
          </p>
          {host ? <p className="truncate text-[10px] text-white/60">{host}</p> : null}
        </div>
        {adDurationSeconds ? (
          <div className="h-1 bg-white/10" title={`Shows for ${adDurationSeconds} seconds`}>
            <div className="h-full w-2/3 bg-brand-500" />
          </div>
        ) : null}
      </div>
    </figure>
  );
}

function hostOf(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
