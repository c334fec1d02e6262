/** A document of a verification request as the reviewer sees it. */
export interface ReviewedDocument {
  /** What it is, in words ("Company registration", "Identity document"). */
  kindLabel: string;
  name: string;
  /** The upload, opened through `/files/<assetId>` (a fresh signed URL each time); null for an old link. */
  assetId: string | null;
  contentType: string | null;
  /** Requests from before uploads: the link the brand typed. */
  url: string | null;
}

const fileHref = (assetId: string) => `/files/${assetId}`;
const newTab = { target: '_blank', rel: 'noopener noreferrer' } as const;

function DocumentPreview({ document }: { document: ReviewedDocument & { assetId: string } }) {
  if (document.contentType?.startsWith('image/')) {
    return (
      <a
        href={fileHref(document.assetId)}
        {...newTab}
        className="block bg-slate-100"
        title={`Open ${document.name} in a new tab`}
      >
        <img
          src={fileHref(document.assetId)}
          alt={`${document.kindLabel}: ${document.name}`}
          loading="lazy"
          className="h-40 w-full object-contain"
          data-testid="document-image"
        />
      </a>
    );
  }
  return (
    <a
      href={fileHref(document.assetId)}
      {...newTab}
      className="flex h-40 flex-col items-center justify-center gap-2 bg-slate-100 text-slate-500 hover:text-brand-700"
      aria-label={`Open ${document.name} in a new tab`}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <path
          d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Z"
          strokeLinejoin="round"
        />
        <path d="M14 3v5h5M9 13h6M9 17h4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="text-xs font-semibold tracking-wide uppercase">
        {document.contentType === 'application/pdf' ? 'PDF' : 'File'}
      </span>
    </a>
  );
}

/**
 * The documents of a request: images shown, PDFs as a tile; each opens in a new tab through the
 * portal's `/files/<assetId>`, which asks the asset service for a short-lived signed URL as this
 * admin (who needs the review's permission). Links from before uploads stay plain links.
 */
export function DocumentFiles({
  documents,
  empty = 'No documents.',
  compact = false,
}: {
  documents: readonly ReviewedDocument[];
  empty?: string;
  /** One line per document (kind: name), e.g. in a history of earlier requests. */
  compact?: boolean;
}) {
  if (documents.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  if (compact) {
    return (
      <ul className="space-y-1 text-sm">
        {documents.map((document, index) => {
          const href = document.assetId ? fileHref(document.assetId) : document.url;
          return (
            <li
              key={document.assetId ?? `${index}-${document.url ?? ''}`}
              className="flex flex-wrap gap-x-2"
            >
              <span className="text-slate-500">{document.kindLabel}:</span>
              {href ? (
                <a
                  href={href}
                  {...newTab}
                  className="font-medium break-all text-brand-700 hover:underline"
                >
                  {document.name}
                </a>
              ) : (
                <span className="font-medium break-all">{document.name}</span>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="document-files">
      {documents.map((document, index) => (
        <li
          key={document.assetId ?? `${index}-${document.url ?? ''}`}
          className="overflow-hidden rounded-xl bg-white ring-1 ring-slate-200"
          data-testid="document-file"
          data-content-type={document.contentType ?? ''}
        >
          {document.assetId ? (
            <DocumentPreview document={{ ...document, assetId: document.assetId }} />
          ) : null}
          <div className="space-y-0.5 p-3 text-sm">
            <p className="text-xs text-slate-500">{document.kindLabel}</p>
            {document.assetId ? (
              <a
                href={fileHref(document.assetId)}
                {...newTab}
                className="block font-medium break-all text-brand-700 hover:underline"
                data-testid="open-document"
              >
                {document.name}
              </a>
            ) : document.url ? (
              <a
                href={document.url}
                {...newTab}
                className="block font-medium break-all text-brand-700 hover:underline"
              >
                {document.name}
              </a>
            ) : (
              <span className="font-medium break-all">{document.name}</span>
            )}
            {document.assetId ? (
              <p className="text-xs text-slate-500">
                Opens in a new tab (a link valid for 5 minutes)
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
