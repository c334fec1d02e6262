export { dashboardExpressions } from './grafana/dashboards';
export { RULE_FILES, SCRAPE_JOB, localPrometheusConfig } from './prometheus/prometheus-config';
