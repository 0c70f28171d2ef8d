import pg from 'pg';
import { comparePositions, parsePositionToken, type Position } from '../../ports/position.ts';
import { percentile } from './load.ts';

/**
 * Projection lag of a server in another process, measured as the read bench measures it: from a
 * command's acknowledgement (the answer's arrival at the client) until every read model has applied
 * its position. Polls the serving generations' checkpoints every `everyMs` and records when the
 * slowest read model passed each position; `lagsOf` then matches the client's samples to those
 * records, so the figure is exact to the polling interval.
 */
export interface CheckpointWatcher {
  stop(): Promise<void>;
  /** Lag in ms of each [token, answered-at epoch ms] sample (NaN when never applied). */
  lagsOf(samples: readonly [string, number][]): number[];
}

const query = `
  select c.commit_position::text as commit, c.prepare_position::text as prepare
  from qm_projections p
  join qm_projection_checkpoints c on c.name = p.name and c.generation = p.active_generation
  where p.kind = 'read_model'`;

export async function watchCheckpoints(url: string, everyMs = 5): Promise<CheckpointWatcher> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seen: { at: number; position: Position }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ commit: string | null; prepare: string | null }>(query);
      const at = performance.timeOrigin + performance.now();
      let slowest: Position | null = null;
      for (const row of rows) {
        if (row.commit === null || row.prepare === null) {
          slowest = null;
          break;
        }
        const position = { commit: BigInt(row.commit), prepare: BigInt(row.prepare) };
        if (!slowest || comparePositions(position, slowest) < 0) slowest = position;
      }
      if (slowest && rows.length > 0) seen.push({ at, position: slowest });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
    },
    lagsOf(samples) {
      // Checkpoints only move forward, so the first record at or past a position is when it was applied.
      return samples.map(([token, answeredAt]) => {
        const position = parsePositionToken(token);
        if (!position) return Number.NaN;
        let low = 0;
        let high = seen.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (comparePositions(seen[mid]!.position, position) >= 0) high = mid;
          else low = mid + 1;
        }
        const record = seen[low];
        return record ? Math.max(0, record.at - answeredAt) : Number.NaN;
      });
    },
  };
}

export function lagPercentile(lags: number[], p: number): number {
  const applied = lags.filter((lag) => Number.isFinite(lag));
  return percentile(applied, p);
}
