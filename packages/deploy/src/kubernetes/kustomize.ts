import type { ServiceEntry } from '@gametriggers/devstack';
import { backendServices, gateway, services } from '@gametriggers/devstack';
import { platformSettings } from './platform-settings';
import {
  PLATFORM_CONFIG,
  SHARED_SECRET,
  gatewayIngress,
  imageOf,
  migrationJob,
  serviceSecretName,
  workloadObjects,
} from './workloads';

/** One YAML file's objects, by its path under `deploy/k8s`. */
export type ManifestFiles = Record<string, unknown[]>;

function platformConfigMap() {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: PLATFORM_CONFIG, labels: { 'app.kubernetes.io/part-of': 'gametriggers' } },
    data: platformSettings().config,
  };
}

const baseResources = [
  'platform-config.yaml',
  ...backendServices.map((entry) => `${entry.name}.yaml`),
  'migrations.yaml',
  'ingress.yaml',
];

function base(): ManifestFiles {
  const files: ManifestFiles = {
    'base/kustomization.yaml': [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        labels: [{ pairs: { 'app.kubernetes.io/part-of': 'gametriggers' } }],
        resources: baseResources,
      },
    ],
    'base/platform-config.yaml': [platformConfigMap()],
    'base/migrations.yaml': services.map(migrationJob),
    'base/ingress.yaml': [gatewayIngress()],
  };
  for (const entry of backendServices) files[`base/${entry.name}.yaml`] = workloadObjects(entry);
  return files;
}

const images = (tag: string) => backendServices.map((entry) => ({ name: imageOf(entry), newName: `ghcr.io/gametriggers/${entry.name}`, newTag: tag }));

/** Patches every backend's autoscaler, budget and container to a size. */
function sizing(target: (entry: ServiceEntry) => { min: number; max: number; cpu: string; memory: string; limit: string }) {
  return backendServices.flatMap((entry) => {
    const size = target(entry);
    return [
      {
        target: { kind: 'HorizontalPodAutoscaler', name: entry.name },
        patch: yamlPatch([
          { op: 'replace', path: '/spec/minReplicas', value: size.min },
          { op: 'replace', path: '/spec/maxReplicas', value: size.max },
        ]),
      },
      {
        target: { kind: 'Deployment', name: entry.name },
        patch: yamlPatch([
          { op: 'replace', path: '/spec/template/spec/containers/0/resources', value: { requests: { cpu: size.cpu, memory: size.memory }, limits: { memory: size.limit } } },
        ]),
      },
    ];
  });
}

const yamlPatch = (operations: unknown[]) => JSON.stringify(operations);

/** A small cluster for trying the platform: one replica each, development secrets generated here. */
function devOverlay(): ManifestFiles {
  const settings = platformSettings();
  const devValue = (key: string) => `${key.toLowerCase()}-dev-only-change-me-0000000000000000`;
  return {
    'overlays/dev/kustomization.yaml': [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: 'gametriggers-dev',
        resources: ['../../base'],
        images: images('dev'),
        patches: [
          ...sizing(() => ({ min: 1, max: 2, cpu: '50m', memory: '128Mi', limit: '384Mi' })),
          // One replica may go: a budget of one available would block every node drain.
          ...backendServices.map((entry) => ({
            target: { kind: 'PodDisruptionBudget', name: entry.name },
            patch: yamlPatch([
              { op: 'remove', path: '/spec/minAvailable' },
              { op: 'add', path: '/spec/maxUnavailable', value: 1 },
            ]),
          })),
        ],
        secretGenerator: [
          {
            name: SHARED_SECRET,
            literals: settings.sharedSecretKeys.map((key) => `${key}=${settings.devValues[key] ?? devValue(key)}`),
          },
          ...services.map((entry) => ({
            name: serviceSecretName(entry),
            literals: [
              `DATABASE_URL=postgresql://postgres@postgres:5432/${entry.database}`,
              ...(settings.serviceSecretKeys[entry.name] ?? []).map((key) => `${key}=${settings.devValues[key] ?? devValue(key)}`),
            ],
          })),
        ],
        generatorOptions: { disableNameSuffixHash: true },
      },
    ],
  };
}

/** Real traffic: the images of a release, two replicas at least, the public host with TLS; secrets made by the operator. */
function productionOverlay(): ManifestFiles {
  return {
    'overlays/production/kustomization.yaml': [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: 'gametriggers',
        resources: ['../../base'],
        images: images('1.0.0'),
        patches: [
          ...sizing((entry) =>
            entry === gateway || entry.name === 'overlay' || entry.name === 'analytics'
              ? { min: 3, max: 30, cpu: '500m', memory: '512Mi', limit: '1Gi' }
              : { min: 2, max: 10, cpu: '250m', memory: '384Mi', limit: '768Mi' },
          ),
          {
            target: { kind: 'Ingress', name: gateway.name },
            patch: yamlPatch([
              { op: 'replace', path: '/spec/rules/0/host', value: 'api.gametriggers.com' },
              { op: 'add', path: '/spec/tls', value: [{ hosts: ['api.gametriggers.com'], secretName: 'gametriggers-api-tls' }] },
              { op: 'add', path: '/metadata/annotations/cert-manager.io~1cluster-issuer', value: 'letsencrypt' },
            ]),
          },
          {
            target: { kind: 'ConfigMap', name: PLATFORM_CONFIG },
            patch: yamlPatch(
              Object.entries(platformSettings().productionConfig).map(([key, value]) => ({ op: 'replace', path: `/data/${key}`, value })),
            ),
          },
        ],
      },
    ],
  };
}

/** Every manifest under `deploy/k8s`. */
export function kubernetesManifests(): ManifestFiles {
  return { ...base(), ...devOverlay(), ...productionOverlay() };
}

