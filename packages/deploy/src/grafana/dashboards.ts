/**
 * Grafana dashboards (JSON model, schema 39) over the platform's metrics and recording rules:
 * the platform at a glance, one service at a time, money, and ad delivery.
 */

type Unit = 'reqps' | 'percentunit' | 's' | 'short' | 'bytes' | 'currencyUSD' | 'none';

interface Target {
  expr: string;
  legend: string;
}

interface PanelSpec {
  title: string;
  unit: Unit;
  targets: Target[];
  kind?: 'timeseries' | 'stat';
  description?: string;
}

const datasource = { type: 'prometheus', uid: '${datasource}' };
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

function panel(spec: PanelSpec, index: number) {
  return {
    id: index + 1,
    type: spec.kind ?? 'timeseries',
    title: spec.title,
    description: spec.description,
    datasource,
    gridPos: { x: (index % 2) * PANEL_WIDTH, y: Math.floor(index / 2) * PANEL_HEIGHT, w: PANEL_WIDTH, h: PANEL_HEIGHT },
    fieldConfig: { defaults: { unit: spec.unit }, overrides: [] },
    options: spec.kind === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'] } } : { legend: { displayMode: 'list', placement: 'bottom' } },
    targets: spec.targets.map((target, position) => ({
      refId: String.fromCharCode(65 + position),
      datasource,
      expr: target.expr,
      legendFormat: target.legend,
    })),
  };
}

const datasourceVariable = { name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Prometheus' };

function dashboard(uid: string, title: string, panels: PanelSpec[], variables: unknown[] = []) {
  return {
    uid,
    title,
    tags: ['gametriggers'],
    schemaVersion: 39,
    version: 1,
    editable: true,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    templating: { list: [datasourceVariable, ...variables] },
    panels: panels.map(panel),
  };
}

const overview = dashboard('gametriggers-overview', 'Gametriggers · Platform', [
  { title: 'Services up', kind: 'stat', unit: 'short', targets: [{ expr: 'sum(up{job="gametriggers"})', legend: 'up' }] },
  { title: 'Live overlays', kind: 'stat', unit: 'short', targets: [{ expr: 'platform:live_overlays', legend: 'live' }] },
  { title: 'Calls by service', unit: 'reqps', targets: [{ expr: 'service:trpc_calls:rate5m', legend: '{{service}}' }] },
  {
    title: 'Server error ratio by service',
    unit: 'percentunit',
    description: 'Failures on our side only; refused input is not an error.',
    targets: [{ expr: 'service:trpc_server_errors:ratio_rate5m', legend: '{{service}}' }],
  },
  { title: 'p99 latency by service', unit: 's', targets: [{ expr: 'service:trpc_duration_seconds:p99_5m', legend: '{{service}}' }] },
  { title: 'Outbox lag by service', unit: 's', targets: [{ expr: 'service:outbox_lag_seconds', legend: '{{service}}' }] },
  {
    title: 'Impressions and clicks counted',
    unit: 'reqps',
    targets: [
      { expr: 'platform:impressions_counted:rate5m', legend: 'impressions' },
      { expr: 'platform:clicks_counted:rate5m', legend: 'clicks' },
    ],
  },
  { title: 'Sign-ups by role', unit: 'short', targets: [{ expr: 'sum by (role) (increase(gametriggers_signups_total[1h]))', legend: '{{role}}' }] },
]);

const serviceVariable = {
  name: 'service',
  type: 'query',
  label: 'Service',
  datasource,
  query: 'label_values(up{job="gametriggers"}, service)',
  refresh: 2,
  sort: 1,
};

const perService = dashboard(
  'gametriggers-service',
  'Gametriggers · Service',
  [
    { title: 'Calls by procedure', unit: 'reqps', targets: [{ expr: 'sum by (procedure) (rate(trpc_procedure_duration_seconds_count{service="$service"}[5m]))', legend: '{{procedure}}' }] },
    {
      title: 'Refusals and failures by outcome',
      unit: 'reqps',
      targets: [{ expr: 'sum by (outcome) (rate(trpc_procedure_duration_seconds_count{service="$service", outcome!="ok"}[5m]))', legend: '{{outcome}}' }],
    },
    {
      title: 'p50 / p99 latency',
      unit: 's',
      targets: [
        { expr: 'service:trpc_duration_seconds:p50_5m{service="$service"}', legend: 'p50' },
        { expr: 'service:trpc_duration_seconds:p99_5m{service="$service"}', legend: 'p99' },
      ],
    },
    {
      title: 'Slowest procedures (p99)',
      unit: 's',
      targets: [{ expr: 'topk(5, histogram_quantile(0.99, sum by (procedure, le) (rate(trpc_procedure_duration_seconds_bucket{service="$service"}[5m]))))', legend: '{{procedure}}' }],
    },
    {
      title: 'Outbox',
      unit: 'short',
      targets: [
        { expr: 'sum(outbox_pending_events{service="$service"})', legend: 'waiting events' },
        { expr: 'service:outbox_lag_seconds{service="$service"}', legend: 'lag (s)' },
      ],
    },
    {
      title: 'Queues: waiting jobs and dead letters',
      unit: 'short',
      targets: [
        { expr: 'sum by (queue) (bullmq_queue_jobs{service="$service", state="waiting"})', legend: '{{queue}} waiting' },
        { expr: 'sum by (queue) (bullmq_dead_letter_jobs{service="$service"})', legend: '{{queue}} dead letters' },
      ],
    },
    { title: 'Oldest waiting job', unit: 's', targets: [{ expr: 'max by (queue) (bullmq_queue_oldest_waiting_age_seconds{service="$service"})', legend: '{{queue}}' }] },
    { title: 'Database pool', unit: 'short', targets: [{ expr: 'sum by (state) (db_pool_connections{service="$service"})', legend: '{{state}}' }] },
    {
      title: 'CPU and event loop',
      unit: 's',
      targets: [
        { expr: 'sum(rate(process_cpu_seconds_total{service="$service"}[5m]))', legend: 'CPU seconds / s' },
        { expr: 'max(nodejs_eventloop_lag_p99_seconds{service="$service"})', legend: 'event loop lag p99' },
      ],
    },
    { title: 'Memory', unit: 'bytes', targets: [{ expr: 'sum(process_resident_memory_bytes{service="$service"})', legend: 'resident' }] },
  ],
  [serviceVariable],
);

const money = dashboard('gametriggers-money', 'Gametriggers · Money', [
  { title: 'Reconciliation differences', kind: 'stat', unit: 'short', targets: [{ expr: 'max(gametriggers_reconciliation_differences)', legend: 'differences' }] },
  { title: 'Charged per hour', kind: 'stat', unit: 'currencyUSD', targets: [{ expr: 'platform:charged_cents:rate1h * 3600 / 100', legend: 'USD / h' }] },
  { title: 'Charges posted', unit: 'reqps', targets: [{ expr: 'sum(rate(gametriggers_charges_posted_total[5m]))', legend: 'charges / s' }] },
  { title: 'Charged (USD per minute)', unit: 'currencyUSD', targets: [{ expr: 'sum(rate(gametriggers_charged_cents_total[5m])) * 60 / 100', legend: 'USD / min' }] },
  {
    title: 'Payment service: calls and server errors',
    unit: 'reqps',
    targets: [
      { expr: 'service:trpc_calls:rate5m{service="payment"}', legend: 'calls' },
      { expr: 'service:trpc_server_errors:rate5m{service="payment"}', legend: 'server errors' },
    ],
  },
  {
    title: 'Payment queues and dead letters',
    unit: 'short',
    targets: [
      { expr: 'sum by (queue) (bullmq_queue_jobs{service="payment", state="waiting"})', legend: '{{queue}} waiting' },
      { expr: 'sum by (queue) (bullmq_dead_letter_jobs{service="payment"})', legend: '{{queue}} dead letters' },
    ],
  },
]);

const delivery = dashboard('gametriggers-delivery', 'Gametriggers · Delivery', [
  { title: 'Live overlays', kind: 'stat', unit: 'short', targets: [{ expr: 'platform:live_overlays', legend: 'live' }] },
  { title: 'Impressions per minute', kind: 'stat', unit: 'short', targets: [{ expr: 'platform:impressions_counted:rate5m * 60', legend: 'impressions / min' }] },
  {
    title: 'Impressions and clicks counted',
    unit: 'reqps',
    targets: [
      { expr: 'platform:impressions_counted:rate5m', legend: 'impressions' },
      { expr: 'platform:clicks_counted:rate5m', legend: 'clicks' },
    ],
  },
  {
    title: 'Click-through rate',
    unit: 'percentunit',
    targets: [{ expr: 'platform:clicks_counted:rate5m / platform:impressions_counted:rate5m', legend: 'CTR' }],
  },
  {
    title: 'Overlay, analytics and gateway p99',
    unit: 's',
    targets: [{ expr: 'service:trpc_duration_seconds:p99_5m{service=~"overlay|analytics"}', legend: '{{service}}' }, { expr: 'histogram_quantile(0.99, sum by (le) (rate(gateway_request_duration_seconds_bucket[5m])))', legend: 'gateway' }],
  },
  {
    title: 'Delivery queues',
    unit: 'short',
    targets: [{ expr: 'sum by (queue) (bullmq_queue_jobs{service=~"overlay|analytics", state="waiting"})', legend: '{{queue}}' }],
  },
]);

/** Every dashboard, by its file name under `deploy/grafana/dashboards`. */
export const dashboards = {
  'platform-overview.json': overview,
  'service.json': perService,
  'money.json': money,
  'delivery.json': delivery,
};

/** Every PromQL expression the dashboards ask (the scrape test runs them against a real Prometheus). */
export function dashboardExpressions(): Array<{ dashboard: string; panel: string; expr: string }> {
  return Object.entries(dashboards).flatMap(([file, board]) =>
    board.panels.flatMap((item) => item.targets.map((target) => ({ dashboard: file, panel: item.title, expr: target.expr }))),
  );
}
