import type { ReactNode } from 'react';
import { shortId } from '../../app/format';

/**
 * A person or thing by name, its id in the tooltip (and under the name with `showId`); the short id
 * when no name is known. `href` links it.
 */
export function NamedId({
  name,
  id,
  href,
  detail,
  showId = false,
  testId,
}: {
  name: string | null | undefined;
  id: string;
  href?: string;
  /** A second line under the name, e.g. an email or a channel. */
  detail?: ReactNode;
  showId?: boolean;
  testId?: string;
}) {
  const label = name ? (
    <span className="font-medium">{name}</span>
  ) : (
    <span className="font-mono text-xs">{shortId(id)}</span>
  );
  return (
    <span className="inline-flex min-w-0 flex-col" title={id} data-testid={testId}>
      {href ? (
        <a href={href} className="text-brand-700 hover:underline">
          {label}
        </a>
      ) : (
        label
      )}
      {detail ? <span className="text-xs text-slate-500">{detail}</span> : null}
      {showId && name ? (
        <span className="font-mono text-xs break-all text-slate-500">{id}</span>
      ) : null}
    </span>
  );
}
