import { listAuditLogInputSchema } from '@gametriggers/contracts';
import { Alert, LoadMore, PageHeader } from '@gametriggers/ui';
import { namesForPage } from '../../components/names/page-names';
import { portal } from '../../portal';
import type { SearchParams } from '../list-filters';
import { chosenFilters, firstParam, listHref } from '../list-filters';
import { AuditEntries } from './audit-entries';
import { AuditFilters } from './audit-filters';
import { auditPageIds } from './audit-names';
import { ChainStatus } from './chain-status';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await portal.requirePermission('canAccessAuditLogs');
  const params = await searchParams;
  const chosen = chosenFilters(
    listAuditLogInputSchema,
    params,
    ['actorId', 'action', 'subjectType', 'subjectId', 'from', 'to'],
    { from: 'start', to: 'end' },
  );
  const verify = firstParam(params, 'verify') === '1';
  const [page, report] = await Promise.all([
    portal.act((api) => api.admin.audit.list.query({ ...chosen.query, limit: PAGE_SIZE })),
    verify
      ? portal
          .act((api) => api.admin.audit.verify.query())
          .then((result) => (result.ok ? result.data : { error: result.error.message }))
      : null,
  ]);
  const names = await namesForPage(await portal.sessionApi(), auditPageIds(page.ok ? page.data.items : []));

  return (
    <portal.Shell>
      <PageHeader
        title="Audit log"
        description="Every admin action on the platform, newest first, in a hash chain that shows any tampering. Reading it is recorded too."
      />
      <div className="space-y-6">
        <ChainStatus report={report} />
        <AuditFilters values={chosen.values} />
        {chosen.problem ? <Alert tone="warning">{chosen.problem}</Alert> : null}
        {page.ok ? (
          <>
            <AuditEntries entries={page.data.items} names={names} />
            <LoadMore href={page.data.nextCursor ? listHref('/audit-log', chosen.values, page.data.nextCursor) : null} label="Older entries" />
          </>
        ) : (
          <Alert title="The audit log could not be read">{page.error.message}</Alert>
        )}
      </div>
    </portal.Shell>
  );
}
