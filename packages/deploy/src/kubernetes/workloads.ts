import type { ServiceEntry } from '@gametriggers/devstack';
import { gateway, gatewayMetricsPort } from '@gametriggers/devstack';
import { liveProbePath, readyProbePath } from '../probes';

export const PART_OF = 'gametriggers';
/** Secrets every backend process reads: the service secret, the token and realtime settings. */
export const SHARED_SECRET = 'gametriggers-shared';
/** Addresses and settings that are not secret. */
export const PLATFORM_CONFIG = 'gametriggers-platform';
/** A service's own secret: its `DATABASE_URL` and its own keys. */
export const serviceSecretName = (entry: ServiceEntry) => `gametriggers-${entry.name}`;
export const imageOf = (entry: ServiceEntry) => `gametriggers/${entry.name}`;

/** The kit's drain on SIGTERM (`packages/trpc`, `close(drainMs = 10_000)`), and what comes before and after it. */
export const DRAIN_SECONDS = 10;
/** Time for the endpoints to drop the pod before it stops accepting (the preStop pause). */
export const PRE_STOP_SECONDS = 5;
/** Room after the drain for closing queues and database pools. */
const CLOSE_MARGIN_SECONDS = 10;
export const TERMINATION_GRACE_SECONDS = PRE_STOP_SECONDS + DRAIN_SECONDS + CLOSE_MARGIN_SECONDS;

export const labelsOf = (entry: ServiceEntry) => ({
  'app.kubernetes.io/name': entry.name,
  'app.kubernetes.io/part-of': PART_OF,
  'app.kubernetes.io/component': entry.kind,
});

const selectorOf = (entry: ServiceEntry) => ({ 'app.kubernetes.io/name': entry.name });

function httpProbe(path: string, periodSeconds: number, failureThreshold: number) {
  return { httpGet: { path, port: 'http' }, periodSeconds, timeoutSeconds: 2, failureThreshold };
}

/** Where Prometheus scrapes a process: the gateway's internal listener, a service's own port. */
export const metricsPortOf = (entry: ServiceEntry) => (entry === gateway ? gatewayMetricsPort : entry.port);

function deployment(entry: ServiceEntry) {
  const isGateway = entry === gateway;
  const env = [
    { name: 'HOST', value: '0.0.0.0' },
    { name: 'PORT', value: String(entry.port) },
    ...(isGateway
      ? [
          { name: 'METRICS_HOST', value: '0.0.0.0' },
          { name: 'METRICS_PORT', value: String(gatewayMetricsPort) },
        ]
      : []),
  ];
  const envFrom = [
    { configMapRef: { name: PLATFORM_CONFIG } },
    { secretRef: { name: SHARED_SECRET } },
    ...(entry.database ? [{ secretRef: { name: serviceSecretName(entry) } }] : []),
  ];
  const ports = [
    { name: 'http', containerPort: entry.port },
    ...(isGateway ? [{ name: 'metrics', containerPort: gatewayMetricsPort }] : []),
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: entry.name, labels: labelsOf(entry) },
    spec: {
      selector: { matchLabels: selectorOf(entry) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: labelsOf(entry) },
        spec: {
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          containers: [
            {
              name: entry.name,
              image: imageOf(entry),
              ports,
              env,
              envFrom,
              startupProbe: httpProbe(liveProbePath(entry), 2, 60),
              livenessProbe: httpProbe(liveProbePath(entry), 10, 3),
              readinessProbe: httpProbe(readyProbePath(entry), 5, 2),
              // The endpoints drop the pod before it stops accepting; then SIGTERM starts the kit's drain.
              lifecycle: { preStop: { exec: { command: ['sleep', String(PRE_STOP_SECONDS)] } } },
              resources: {
                requests: { cpu: '250m', memory: '256Mi' },
                limits: { memory: '512Mi' },
              },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  };
}

function service(entry: ServiceEntry) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: entry.name, labels: labelsOf(entry) },
    spec: {
      selector: selectorOf(entry),
      ports: [{ name: 'http', port: entry.port, targetPort: 'http' }],
    },
  };
}

/** The headless Service Prometheus finds the pods by (one DNS address per ready pod). */
export const metricsServiceName = (entry: ServiceEntry) => `${entry.name}-metrics`;

function metricsService(entry: ServiceEntry) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: metricsServiceName(entry), labels: labelsOf(entry) },
    spec: {
      clusterIP: 'None',
      selector: selectorOf(entry),
      ports: [{ name: 'metrics', port: metricsPortOf(entry), targetPort: metricsPortOf(entry) }],
    },
  };
}

function autoscaler(entry: ServiceEntry) {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: entry.name, labels: labelsOf(entry) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: entry.name },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

function disruptionBudget(entry: ServiceEntry) {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: entry.name, labels: labelsOf(entry) },
    spec: { minAvailable: 1, selector: { matchLabels: selectorOf(entry) } },
  };
}

/** A backend process: its Deployment, Service, autoscaler and disruption budget. */
export function workloadObjects(entry: ServiceEntry) {
  return [deployment(entry), service(entry), metricsService(entry), autoscaler(entry), disruptionBudget(entry)];
}

/** Applies a service's migrations to its database before its new version serves (Argo CD: an earlier sync wave). */
export function migrationJob(entry: ServiceEntry) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `migrate-${entry.name}`,
      labels: { ...labelsOf(entry), 'app.kubernetes.io/component': 'migration' },
      annotations: { 'argocd.argoproj.io/sync-wave': '-1' },
    },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: { ...labelsOf(entry), 'app.kubernetes.io/component': 'migration' } },
        spec: {
          restartPolicy: 'OnFailure',
          securityContext: { runAsNonRoot: true, runAsUser: 1000 },
          containers: [
            {
              name: 'migrate',
              image: imageOf(entry),
              command: ['pnpm', 'run', 'db:migrate'],
              envFrom: [{ secretRef: { name: serviceSecretName(entry) } }],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
      },
    },
  };
}

export const GATEWAY_HOST = 'api.gametriggers.example';

/** The public edge: the gateway behind the cluster's ingress controller. */
export function gatewayIngress() {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: gateway.name,
      labels: labelsOf(gateway),
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '2m' },
    },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: GATEWAY_HOST,
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: gateway.name, port: { name: 'http' } } } }],
          },
        },
      ],
    },
  };
}
