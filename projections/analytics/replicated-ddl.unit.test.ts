import { describe, expect, it } from 'vitest';
import { analyticsDdl, replicatedDdl } from './schema.ts';

/**
 * The replicated schema (CLICKHOUSE_CLUSTER) cannot run here: no ClickHouse server with Keeper
 * exists on this machine, and chDB has no Keeper. What can be checked is that it is the same
 * schema, statement for statement, with only the cluster clause and the engines changed.
 */
describe('the analytics schema replicated across a cluster', () => {
  const plain = analyticsDdl('analytics');
  const replicated = replicatedDdl('analytics', 'qm_cluster');

  it('creates every table and view on the cluster, each MergeTree as its Replicated twin', () => {
    expect(replicated).toHaveLength(plain.length);
    for (const statement of replicated) {
      expect(statement).toMatch(
        /^CREATE (TABLE|MATERIALIZED VIEW) IF NOT EXISTS analytics\.\w+ ON CLUSTER qm_cluster/,
      );
      if (statement.startsWith('CREATE TABLE')) {
        expect(statement).toMatch(
          /ENGINE = Replicated(Replacing|Aggregating|Summing)?MergeTree\('\/clickhouse\/tables\/\{shard\}\/\{database\}\/\{table\}', '\{replica\}'\)/,
        );
        expect(statement).not.toMatch(/ENGINE = (Replacing|Aggregating|Summing)?MergeTree\b/);
      }
    }
  });

  it('changes nothing else: columns, order keys and view queries are the same', () => {
    const strip = (statement: string) =>
      statement
        .replace(' ON CLUSTER qm_cluster', '')
        .replace(/Replicated(\w*MergeTree)\('[^']*', '\{replica\}'\)/, '$1');
    expect(replicated.map(strip)).toEqual(plain);
  });
});
