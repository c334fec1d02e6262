import { Alert, Badge, Card, PageHeader, Table } from '@gametriggers/ui';
import { AutoRefresh } from '../../components/health/auto-refresh';
import { formatCount } from '../../components/dashboard/formatting';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const REFRESH_SECONDS = 15;

const statusTone = { up: 'success', degraded: 'warning', down: 'danger' } as const;

function lagText(seconds: number) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export default async function PlatformHealthPage() {
  await portal.requireSession();
  const api = await portal.sessionApi();
  const health = await api.admin.health.overview.query();
  const down = health.services.filter((service) => service.status !== 'up');
  const deadLetters = (health.deadLetters ?? []).reduce((sum, entry) => sum + entry.count, 0);

  return (
    <portal.Shell>
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <PageHeader
        title="Platform health"
        description={`Checked ${health.checkedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC; refreshes every ${REFRESH_SECONDS} s.`}
      />
      <div className="space-y-6">
        {down.length > 0 ? (
          <Alert tone="error">
            Not healthy: {down.map((service) => `${service.name} (${service.status})`).join(', ')}.
          </Alert>
        ) : (
          <Alert tone="success">Every service is up.</Alert>
        )}

        <Card className="space-y-3">
          <h2 className="font-semibold text-slate-900">Services</h2>
          <Table
            caption="Each service's readiness, response time and outbox"
            rows={health.services}
            rowKey={(service) => service.name}
            rowTestId="health-service-row"
            phoneLayout="cards"
            columns={[
              {
                header: 'Service',
                cell: (service) => <span className="font-medium">{service.name}</span>,
              },
              {
                header: 'Status',
                cell: (service) => (
                  <Badge
                    tone={statusTone[service.status]}
                    data-testid={`health-status-${service.name}`}
                  >
                    {service.status}
                  </Badge>
                ),
              },
              {
                header: 'Latency',
                cell: (service) => (service.latencyMs === null ? '—' : `${service.latencyMs} ms`),
                className: 'text-right',
              },
              {
                header: 'Checks',
                cell: (service) =>
                  service.error && Object.keys(service.checks).length === 0
                    ? service.error
                    : Object.entries(service.checks)
                        .map(([name, result]) => `${name}: ${result}`)
                        .join(', '),
              },
              {
                header: 'Outbox pending',
                cell: (service) => (service.outbox ? formatCount(service.outbox.pending) : '—'),
                className: 'text-right',
              },
              {
                header: 'Outbox lag',
                cell: (service) => (service.outbox ? lagText(service.outbox.lagSeconds) : '—'),
                className: 'text-right',
              },
            ]}
          />
        </Card>

        <Card className="space-y-3">
          <h2 className="font-semibold text-slate-900">
            Queues{' '}
            <span className="text-sm font-normal text-slate-500" data-testid="health-dead-letters">
              · {formatCount(deadLetters)} dead letters
            </span>
          </h2>
          {health.queuesError ? (
            <Alert tone="error">Queues unavailable: {health.queuesError}</Alert>
          ) : null}
          {(health.deadLetters ?? []).length > 0 ? (
            <p className="text-sm text-slate-600">
              Dead letters by service:{' '}
              {(health.deadLetters ?? [])
                .map((entry) => `${entry.service} ${entry.count}`)
                .join(', ')}
            </p>
          ) : null}
          <Table
            caption="BullMQ queues by job state"
            rows={health.queues ?? []}
            rowKey={(queue) => queue.queue}
            rowTestId="health-queue-row"
            phoneLayout="cards"
            columns={[
              {
                header: 'Queue',
                cell: (queue) => <span className="font-mono text-xs">{queue.queue}</span>,
              },
              {
                header: 'Waiting',
                cell: (queue) => formatCount(queue.waiting),
                className: 'text-right',
              },
              {
                header: 'Active',
                cell: (queue) => formatCount(queue.active),
                className: 'text-right',
              },
              {
                header: 'Delayed',
                cell: (queue) => formatCount(queue.delayed),
                className: 'text-right',
              },
              {
                header: 'Failed',
                cell: (queue) => formatCount(queue.failed),
                className: 'text-right',
              },
            ]}
          />
        </Card>
      </div>
    </portal.Shell>
  );
}
