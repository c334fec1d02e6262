import type { ServiceEntry } from '@gametriggers/devstack';
import { backendServices } from '@gametriggers/devstack';
import { metricsPortOf, metricsServiceName } from '../kubernetes/workloads';

/** The scrape job every platform process is in (the alert rules select on it). */
export const SCRAPE_JOB = 'gametriggers';
export const RULE_FILES = ['rules/gametriggers.rules.yml'];

/** Where a process serves `/metrics` on this machine: a service on its own port, the gateway on its internal listener. */
export const localMetricsAddress = (entry: ServiceEntry) => `127.0.0.1:${metricsPortOf(entry)}`;

const globalSettings = (scrapeInterval: string) => ({
  scrape_interval: scrapeInterval,
  evaluation_interval: '30s',
  external_labels: { platform: 'gametriggers' },
});

/**
 * Prometheus for `pnpm dev` (and the scrape test): every service and the gateway on this machine,
 * each target labelled with its service. `honor_labels`: the services' own `service` label is the same.
 */
export function localPrometheusConfig(scrapeInterval = '5s') {
  return {
    global: globalSettings(scrapeInterval),
    rule_files: RULE_FILES,
    scrape_configs: [
      {
        job_name: SCRAPE_JOB,
        honor_labels: true,
        static_configs: backendServices.map((entry) => ({
          targets: [localMetricsAddress(entry)],
          labels: { service: entry.name },
        })),
      },
    ],
  };
}

/**
 * Prometheus in the cluster: every pod of every service and the gateway, found through their
 * headless `<service>-metrics` Services (DNS: one address per ready pod), labelled with the
 * service; alerts go to Alertmanager.
 */
export function clusterPrometheusConfig(namespace = 'gametriggers') {
  return {
    global: globalSettings('15s'),
    rule_files: RULE_FILES,
    alerting: { alertmanagers: [{ static_configs: [{ targets: ['alertmanager:9093'] }] }] },
    scrape_configs: [
      {
        job_name: SCRAPE_JOB,
        honor_labels: true,
        dns_sd_configs: backendServices.map((entry) => ({
          names: [`${metricsServiceName(entry)}.${namespace}.svc.cluster.local`],
          type: 'A',
          port: metricsPortOf(entry),
        })),
        relabel_configs: [
          { source_labels: ['__meta_dns_name'], regex: '(.+)-metrics\\..*', target_label: 'service' },
          { source_labels: ['__address__'], target_label: 'instance' },
        ],
      },
    ],
  };
}
