import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sRoot, overlays, parseObjects, validateObject, type KubeObject } from './manifests.ts';

/** `kubectl kustomize` is the renderer a deployment uses; without it this test says so and stops. */
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const kubectlMissing = kubectl.error !== undefined || kubectl.status !== 0;
if (kubectlMissing)
  console.error('kubectl is not installed: the rendered overlays are not checked (skipped)');

function render(overlay: string): KubeObject[] {
  const folder = join(k8sRoot, 'overlays', overlay);
  return parseObjects(execFileSync('kubectl', ['kustomize', folder], { encoding: 'utf8' }), folder);
}

const names = (objects: KubeObject[], kind: string) =>
  objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);

describe.skipIf(kubectlMissing)('the overlays rendered with kubectl kustomize', () => {
  it.each(overlays)('%s renders to objects valid against the Kubernetes schemas', async (overlay) => {
    const objects = render(overlay);
    for (const object of objects) {
      await expect(validateObject(object), `${object.kind} ${object.metadata.name}`).resolves.toBeUndefined();
      if (object.kind !== 'Namespace') expect(object.metadata).toHaveProperty('namespace');
    }
  });

  it('embedded-demo: one API pod on a data volume, nothing that needs PostgreSQL or NATS', () => {
    const objects = render('embedded-demo');
    expect(names(objects, 'Deployment')).toEqual(['quartermaster-api']);
    expect(names(objects, 'Job')).toEqual([]);
    expect(names(objects, 'HorizontalPodAutoscaler')).toEqual([]);
    const api = objects.find((o) => o.kind === 'Deployment')!;
    expect(api.spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
    const config = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    expect(Object.keys(config.data).filter((key) => key.endsWith('_URL'))).toEqual([]);
    const secret = objects.find((o) => o.kind === 'Secret') as unknown as {
      stringData: Record<string, string>;
    };
    expect(Object.keys(secret.stringData)).toEqual(['AUTH_JWT_SECRET']);
  });

  it('production: a 3-node KurrentDB cluster the app reaches over TLS, and every workload kept', () => {
    const objects = render('production');
    const kurrentdb = objects.find((o) => o.kind === 'StatefulSet' && o.metadata.name === 'kurrentdb')!;
    expect(kurrentdb.spec?.replicas).toBe(3);
    expect(names(objects, 'Deployment').sort()).toEqual([
      'quartermaster-api',
      'quartermaster-consumers',
      'quartermaster-projector',
    ]);
    const config = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    expect(config.data.QM_EVENT_STORE).toBe('esdb');
    expect(config.data.EVENTSTORE_URL).toMatch(/^kurrentdb\+discover:\/\/kurrentdb\..*tls=true/);
    for (const workload of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
      expect(JSON.stringify(workload.spec), workload.metadata.name).toContain(
        '"mountPath":"/etc/kurrentdb/tls"',
      );
    }
  });

  /**
   * Every pod holds a PostgreSQL pool of PG_POOL_SIZE: with the API at its autoscaler's maximum,
   * the pools must fit the connections the server allows, or requests answer 503 at the busiest
   * moment (the scale bench's 7 processes at 20 each hit PostgreSQL's default of 100).
   */
  it.each([
    ['base', 97, "PostgreSQL's default max_connections of 100, 3 reserved"],
    ['overlays/production', 300, 'the max_connections docs/deployment.md asks of production'],
  ])('%s: the pools at full scale fit %i connections (%s)', (folder, limit) => {
    const objects = parseObjects(
      execFileSync('kubectl', ['kustomize', join(k8sRoot, folder)], { encoding: 'utf8' }),
      folder,
    );
    const config = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    const pool = Number(config.data.PG_POOL_SIZE);
    expect(pool).toBeGreaterThan(0);
    const scaled = new Map(
      objects
        .filter((o) => o.kind === 'HorizontalPodAutoscaler')
        .map((o) => {
          const spec = o.spec as { scaleTargetRef: { name: string }; maxReplicas: number };
          return [spec.scaleTargetRef.name, spec.maxReplicas] as const;
        }),
    );
    // Every pod also holds 1 listening connection (pg-append-notifications.ts); an API pod (the
    // autoscaled one) 2 more for the decision lock (write-side.ts).
    const connections = objects
      .filter((o) => o.kind === 'Deployment')
      .reduce((sum, o) => {
        const api = scaled.get(o.metadata.name);
        return sum + (api === undefined ? Number(o.spec?.replicas ?? 1) * (pool + 1) : api * (pool + 3));
      }, 0);
    // The pods that hold leases keep one session per lease: 10 read models, the analytics sink, the
    // publisher and 5 schedulers (instance-lease.ts; a standby keeps none while it waits).
    const leaseSessions = 17;
    expect(connections + leaseSessions).toBeLessThanOrEqual(limit);
  });
});
