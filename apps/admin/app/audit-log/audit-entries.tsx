import type { RouterOutputs } from '@gametriggers/api';
import { Badge, DetailList, EmptyState } from '@gametriggers/ui';
import type { PageNames } from '../../components/names/page-names';
import { formatUtc, shortId } from '../format';
import { listHref } from '../list-filters';
import { accountLabel, subjectName } from './audit-names';
import { jsonChanges } from './json-changes';

type AuditEntry = RouterOutputs['admin']['audit']['list']['items'][number];

function Changes({ entry }: { entry: AuditEntry }) {
  const changes = jsonChanges(entry.before, entry.after);
  if (changes.length === 0) return <p className="text-sm text-slate-500">No recorded change of state.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-xs" data-testid="audit-entry-changes">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">Field</th>
            <th className="py-1 pr-4 font-medium">Before</th>
            <th className="py-1 font-medium">After</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {changes.map((change) => (
            <tr key={change.key} className="align-top">
              <td className="py-1 pr-4 text-slate-700">{change.key}</td>
              <td className="max-w-xs py-1 pr-4 break-all text-red-700">{change.before}</td>
              <td className="max-w-xs py-1 break-all text-emerald-700">{change.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntryDetail({ entry, names }: { entry: AuditEntry; names: PageNames }) {
  const personal = Object.entries(entry.personal);
  const actor = names.user(entry.actorId);
  const subject = subjectName(names, entry.subject);
  return (
    <div className="space-y-4 border-t border-slate-100 px-4 py-4">
      <DetailList
        items={[
          {
            label: 'Actor',
            value: (
              <span>
                {actor ? `${actor.name ? `${actor.name} · ${actor.email}` : actor.email} ` : null}
                <span className="font-mono text-xs break-all">{entry.actorId}</span>
              </span>
            ),
          },
          { label: 'Admin role', value: entry.actorRole?.replaceAll('_', ' ') ?? '—' },
          { label: 'Permission used', value: entry.permission ?? '—' },
          { label: 'Request id', value: <span className="font-mono text-xs break-all">{entry.requestId ?? '—'}</span> },
          {
            label: 'Reason',
            value: entry.personalErased ? <em className="text-slate-500">erased</em> : (entry.reason ?? '—'),
          },
          { label: 'Recorded', value: formatUtc(entry.recordedAt, 'second') },
          {
            label: 'Subject',
            value: (
              <span>
                {subject ? `${subject} ` : null}
                <span className="font-mono text-xs break-all">{`${entry.subject.type} ${entry.subject.id}`}</span>
              </span>
            ),
          },
          { label: 'Entry hash', value: <span className="font-mono text-xs break-all">{entry.hash}</span> },
          ...personal.map(([key, value]) => ({ label: key, value })),
        ]}
      />
      <Changes entry={entry} />
    </div>
  );
}

/** The log's entries, newest first; each opens to its details and the change it made. */
export function AuditEntries({ entries, names }: { entries: readonly AuditEntry[]; names: PageNames }) {
  if (entries.length === 0) {
    return <EmptyState title="No entries">Nothing in the audit log matches these filters.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      {entries.map((entry) => (
        <li key={entry.sequence}>
          <details data-testid="audit-entry" data-action={entry.action} data-subject-id={entry.subject.id}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm hover:bg-slate-50/60">
              <span className="w-12 shrink-0 text-xs text-slate-400 tabular-nums">#{entry.sequence}</span>
              <span className="shrink-0 text-slate-500 tabular-nums">{formatUtc(entry.occurredAt)}</span>
              <Badge tone="neutral">{entry.action}</Badge>
              <a
                href={listHref('/audit-log', { subjectType: entry.subject.type, subjectId: entry.subject.id })}
                className="text-slate-700 hover:text-brand-700 hover:underline"
                title={`${entry.subject.type} ${entry.subject.id}`}
              >
                {entry.subject.type} {subjectName(names, entry.subject) ?? shortId(entry.subject.id)}
              </a>
              <span className="text-slate-500 sm:ml-auto">
                by{' '}
                <a
                  href={listHref('/audit-log', { actorId: entry.actorId })}
                  className="hover:text-brand-700 hover:underline"
                  title={entry.actorId}
                  data-testid="audit-entry-actor"
                >
                  {accountLabel(names, entry.actorId) ?? <span className="font-mono text-xs">{shortId(entry.actorId)}</span>}
                </a>
              </span>
            </summary>
            <EntryDetail entry={entry} names={names} />
          </details>
        </li>
      ))}
    </ul>
  );
}
