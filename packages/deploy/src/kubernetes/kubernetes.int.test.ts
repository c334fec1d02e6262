import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { backendServices, gateway, repoRoot, services } from '@gametriggers/devstack';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DRAIN_SECONDS, PRE_STOP_SECONDS } from './workloads';

/** The schema of each kind the manifests hold (`kubernetes-models`, generated from Kubernetes' OpenAPI). */
const models: Record<string, new (data: never) => { validate(): void }> = {
  Deployment,
  Service,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  Job,
  Ingress,
  ConfigMap,
  Secret,
};

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
}

/** `kubectl kustomize` (Debian's kubectl) of one overlay: what would be applied. */
function render(overlay: string): K8sObject[] {
  const output = execFileSync('kubectl', ['kustomize', path.join(repoRoot, 'deploy/k8s/overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(output).map((document) => withUnwrappedSecretData(document.toJSON() as K8sObject));
}

/** kustomize wraps long base64 values over lines, which the API server's decoder skips; the schema's `byte` format does not. */
function withUnwrappedSecretData(object: K8sObject & { data?: Record<string, string> }) {
  if (object.kind !== 'Secret' || !object.data) return object;
  return { ...object, data: Object.fromEntries(Object.entries(object.data).map(([key, value]) => [key, value.replace(/\s/g, '')])) };
}

const find = (objects: K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);

interface Container {
  image: string;
  livenessProbe: { httpGet: { path: string } };
  readinessProbe: { httpGet: { path: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  envFrom: Array<{ secretRef?: { name: string }; configMapRef?: { name: string } }>;
}
const podOf = (deployment: K8sObject) =>
  (deployment.spec as { template: { spec: { terminationGracePeriodSeconds: number; containers: Container[] } } }).template.spec;

describe.each(['dev', 'production'])('the %s overlay', (overlay) => {
  const objects = render(overlay);

  it('holds only objects valid against the Kubernetes schemas, in its namespace', () => {
    for (const object of objects) {
      const Model = models[object.kind];
      expect(Model, `a schema for ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), `${object.kind}/${object.metadata.name}`).not.toThrow();
      expect(object.metadata.namespace).toBe(overlay === 'dev' ? 'gametriggers-dev' : 'gametriggers');
    }
  });

  it('runs every service and the gateway with a Service, an autoscaler and a disruption budget', () => {
    for (const entry of backendServices) {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
        expect(find(objects, kind, entry.name), `${kind}/${entry.name}`).toBeDefined();
      }
    }
  });

  it('probes liveness on /healthz and readiness on /readyz, with resources and secret references', () => {
    for (const entry of backendServices) {
      const [container] = podOf(find(objects, 'Deployment', entry.name)!).containers;
      expect(container?.livenessProbe.httpGet.path).toBe('/healthz');
      expect(container?.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container?.resources.requests.cpu).toBeTruthy();
      expect(container?.resources.limits.memory).toBeTruthy();
      const secrets = container?.envFrom.flatMap((source) => (source.secretRef ? [source.secretRef.name] : []));
      expect(secrets).toContain('gametriggers-shared');
      if (entry.database) expect(secrets).toContain(`gametriggers-${entry.name}`);
    }
  });

  it('gives a stopping pod time for the pause before SIGTERM and the kit’s whole drain', () => {
    for (const entry of backendServices) {
      const grace = podOf(find(objects, 'Deployment', entry.name)!).terminationGracePeriodSeconds;
      expect(grace).toBeGreaterThan(PRE_STOP_SECONDS + DRAIN_SECONDS);
    }
  });

  it('migrates every database in a Job and routes the public edge to the gateway', () => {
    for (const entry of services) expect(find(objects, 'Job', `migrate-${entry.name}`), entry.name).toBeDefined();
    const ingress = find(objects, 'Ingress', gateway.name);
    expect(JSON.stringify(ingress?.spec)).toContain(`"name":"${gateway.name}"`);
  });
});

describe('the production overlay', () => {
  const objects = render('production');

  it('runs released images, at least two replicas each, behind TLS, with no secret in the repository', () => {
    for (const entry of backendServices) {
      const [container] = podOf(find(objects, 'Deployment', entry.name)!).containers;
      expect(container?.image).toBe(`ghcr.io/gametriggers/${entry.name}:1.0.0`);
      expect((find(objects, 'HorizontalPodAutoscaler', entry.name)?.spec as { minReplicas: number }).minReplicas).toBeGreaterThanOrEqual(2);
    }
    expect(JSON.stringify(find(objects, 'Ingress', gateway.name)?.spec)).toContain('"tls"');
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });
});
