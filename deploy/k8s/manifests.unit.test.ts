import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sRoot, kustomizationResources, overlays, validateObject, type KubeObject } from './manifests.ts';

const base = kustomizationResources(join(k8sRoot, 'base'));
const find = (kind: string, name: string) =>
  base.map(({ object }) => object).find((o) => o.kind === kind && o.metadata.name === name);

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
    containers: {
      name: string;
      args?: string[];
      readinessProbe?: unknown;
      livenessProbe?: unknown;
      envFrom?: ({ configMapRef?: { name: string } } & { secretRef?: { name: string } })[];
    }[];
  };
}
const template = (object: KubeObject | undefined) => (object?.spec?.template ?? {}) as PodTemplate;

describe('the Kubernetes manifests (deploy/k8s)', () => {
  it.each(['base', ...overlays.map((overlay) => `overlays/${overlay}`)])(
    '%s: every listed resource parses and is valid against the Kubernetes schemas',
    async (folder) => {
      const resources = folder === 'base' ? base : kustomizationResources(join(k8sRoot, folder));
      expect(resources.length).toBeGreaterThan(0);
      for (const { file, object } of resources) {
        await expect(
          validateObject(object),
          `${file}: ${object.kind} ${object.metadata.name}`,
        ).resolves.toBeUndefined();
      }
    },
  );

  it('has the API Deployment with probes, an autoscaler and a disruption budget on its pods', () => {
    const api = find('Deployment', 'quartermaster-api');
    const [container] = template(api).spec.containers;
    expect(container?.args).toEqual(['serve']);
    expect(container?.readinessProbe).toMatchObject({ httpGet: { path: '/health' } });
    expect(container?.livenessProbe).toBeDefined();
    expect(find('HorizontalPodAutoscaler', 'quartermaster-api')?.spec?.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'quartermaster-api',
    });
    const budget = find('PodDisruptionBudget', 'quartermaster-api')?.spec as {
      selector: { matchLabels: Record<string, string> };
    };
    expect(template(api).metadata.labels).toMatchObject(budget.selector.matchLabels);
  });

  it('has 2 projector replicas (the lease keeps one active), the consumers and the migration Job', () => {
    const projector = find('Deployment', 'quartermaster-projector');
    expect(projector?.spec?.replicas).toBe(2);
    expect(template(projector).spec.containers[0]?.args).toEqual(['project']);
    expect(template(find('Deployment', 'quartermaster-consumers')).spec.containers[0]).toMatchObject({
      args: ['publisher', 'notifications'],
    });
    expect(template(find('Job', 'quartermaster-migrate')).spec.containers[0]?.args).toEqual(['migrate']);
  });

  it('runs every pod as non-root, with configuration from the ConfigMap and the Secret', () => {
    const workloads = base.map(({ object }) => object).filter((o) => ['Deployment', 'Job'].includes(o.kind));
    expect(workloads).toHaveLength(4);
    for (const workload of workloads) {
      const { spec } = template(workload);
      expect(spec.securityContext, workload.metadata.name).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
      });
      const sources = spec.containers[0]?.envFrom?.map((e) => e.configMapRef?.name ?? e.secretRef?.name);
      expect(sources, workload.metadata.name).toEqual(['quartermaster-config', 'quartermaster-secrets']);
    }
    expect(find('ConfigMap', 'quartermaster-config')).toBeDefined();
    expect(find('Secret', 'quartermaster-secrets')).toBeDefined();
  });

  it('closes ingress by default and opens only the API ports', () => {
    const policies = base.map(({ object }) => object).filter((o) => o.kind === 'NetworkPolicy');
    expect(policies.map((p) => p.metadata.name).sort()).toEqual([
      'quartermaster-api-ingress',
      'quartermaster-default-deny-ingress',
    ]);
  });
});
