import { platformConfigHistoryInputSchema } from '@gametriggers/contracts';
import { Alert, LoadMore, PageHeader } from '@gametriggers/ui';
import { portal } from '../../portal';
import type { SearchParams } from '../list-filters';
import { chosenFilters, listHref } from '../list-filters';
import { updatePlatformConfig } from './actions';
import { ConfigForm } from './config-form';
import { ConfigHistory } from './config-history';

export const dynamic = 'force-dynamic';

const HISTORY_PAGE_SIZE = 20;

export default async function ConfigurationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await portal.requirePermission('canConfigureSystem');
  const chosen = chosenFilters(platformConfigHistoryInputSchema, await searchParams, []);
  const api = await portal.sessionApi();
  const [config, history] = await Promise.all([
    api.admin.config.get.query(),
    portal.act((calls) => calls.admin.config.history.query({ ...chosen.query, limit: HISTORY_PAGE_SIZE })),
  ]);
  return (
    <portal.Shell>
      <PageHeader
        title="Configuration"
        description="The platform’s operating settings: fees, payouts, energy, G-Keys and overlay limits. Every change is versioned and audited."
      />
      <div className="space-y-8">
        <ConfigForm version={config.version} values={config.values} save={updatePlatformConfig} />
        <section className="space-y-4" aria-labelledby="config-history-title">
          <h2 id="config-history-title" className="text-lg font-semibold">
            History
          </h2>
          {chosen.problem ? <Alert tone="warning">{chosen.problem}</Alert> : null}
          {history.ok ? (
            <>
              <ConfigHistory versions={history.data.items} />
              <LoadMore href={history.data.nextCursor ? listHref('/configuration', {}, history.data.nextCursor) : null} label="Older versions" />
            </>
          ) : (
            <Alert title="The history could not be read">{history.error.message}</Alert>
          )}
        </section>
      </div>
    </portal.Shell>
  );
}
