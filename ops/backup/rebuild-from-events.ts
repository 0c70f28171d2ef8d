import { replayProjection, type ReplayProgress } from '../../projections/runtime/replay.ts';
import type { ProjectorContext } from '../compose/projectors.ts';

/**
 * The projections a restore rebuilds: every read model and the analytics (ClickHouse) sink. Not the
 * publisher: its events are on NATS already, and consumers would see them all again.
 */
export function rebuiltAfterRestore(context: Pick<ProjectorContext, 'catalog'>): string[] {
  return [...context.catalog.readModels.map((p) => p.name), 'analytics'];
}

export interface RebuildProgress extends ReplayProgress {
  projection: string;
}

/** Rebuilds each of `names` from the start of the log, one after the other, as `qm replay` does. */
export async function rebuildFromEvents(
  context: ProjectorContext,
  names: readonly string[],
  onProgress?: (progress: RebuildProgress) => void,
): Promise<{ projection: string; events: number; seconds: number }[]> {
  const results = [];
  for (const name of names) {
    const found = await context.catalog.subject(name);
    if (!found) throw new Error(`unknown projection "${name}"`);
    try {
      const result = await replayProjection(
        { ...context, ...(context.openSession ? { openSession: context.openSession } : {}) },
        found.subject,
        { onProgress: (progress) => onProgress?.({ projection: name, ...progress }) },
      );
      context.log.info(
        { projection: name, events: result.events, seconds: result.seconds },
        'restore: projection rebuilt',
      );
      results.push({ projection: name, events: result.events, seconds: result.seconds });
    } finally {
      await found.close();
    }
  }
  return results;
}
