import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
/** The compose specification's own schema, vendored with its licence (schemas/compose-spec/). */
const { $schema: draft, ...schema } = JSON.parse(
  readFileSync(join(root, 'schemas/compose-spec/compose-spec.json'), 'utf8'),
) as { $schema: string };

interface Service {
  image?: string;
  build?: unknown;
  ports?: unknown[];
  expose?: unknown[];
  profiles?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
/** Compose reads YAML 1.1 merge keys (`<<: *anchor`), so the test does too. */
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

/** Services started once per `docker compose up --scale` unit: the app's processes. */
const scalable = ['api', 'projector', 'consumers'];

describe('docker-compose.yml', () => {
  it('is valid against the compose specification schema', () => {
    // Ajv knows draft-07 by its http:// name; the schema names it https://, so it is checked here instead.
    expect(draft).toMatch(/json-schema\.org\/draft-07\/schema/);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('publishes no fixed host port on a scalable service, so `--scale api=3` starts', () => {
    for (const name of scalable) expect(services[name]?.ports, name).toBeUndefined();
  });

  it('reaches the api replicas through a proxy that publishes both APIs and whose config is in the repo', () => {
    const proxy = services.proxy!;
    expect(proxy.ports).toEqual(['3000:3000', '3001:3001']);
    expect(proxy.depends_on?.api?.condition).toBe('service_healthy');
    const [mount] = proxy.volumes!;
    const config = readFileSync(join(root, mount!.split(':')[0]!), 'utf8');
    expect(config).toMatch(/server api:3000 resolve;/);
    expect(config).toMatch(/server api:3001 resolve;/);
  });

  it('gives every app process a JWT secret of at least 32 characters', () => {
    for (const name of ['migrate', ...scalable]) {
      const secret = services[name]?.environment?.AUTH_JWT_SECRET ?? '';
      const fallback = /^\$\{AUTH_JWT_SECRET:-(.+)\}$/.exec(secret)?.[1] ?? secret;
      expect(fallback.length, name).toBeGreaterThanOrEqual(32);
    }
  });

  it('keeps a health check on every service that is not turned off on purpose, and waits on them', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.healthcheck?.disable) continue;
      expect(service.healthcheck?.test, name).toBeDefined();
    }
    expect(services.api?.depends_on?.postgres ?? services.api?.depends_on?.migrate).toBeDefined();
    expect(services.api?.healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/health/)]),
    );
  });

  it('has a cluster profile with a 3-node KurrentDB cluster that gossips between its nodes', () => {
    const nodes = Object.entries(services).filter(([, service]) => service.profiles?.includes('cluster'));
    expect(nodes.map(([name]) => name)).toEqual(['kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3']);
    for (const [name, node] of nodes) {
      expect(String(node.environment?.KURRENTDB_CLUSTER_SIZE)).toBe('3');
      const seeds = node.environment?.KURRENTDB_GOSSIP_SEED?.split(',') ?? [];
      expect(seeds.map((seed) => seed.split(':')[0]).sort()).toEqual(
        nodes.map(([other]) => other).filter((other) => other !== name),
      );
    }
  });
});
