import type { EventStore } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { readGenerationCheckpoint } from './checkpoints.ts';
import { measureLag } from './lag.ts';
import { stoppedOnEvent, type StoppedOn } from './poison-event.ts';
import { listRegistrations, type ProjectionKind, type ProjectionStatusValue } from './registry.ts';

export interface ProjectorStatus {
  name: string;
  kind: ProjectionKind;
  generation: number;
  /** Code version that built the serving generation (0 for sinks). */
  version: number;
  status: ProjectionStatusValue;
  /** Why it stopped (poison event, version change) and what to do, else `null`. */
  lastError: string | null;
  /** The poison event it stopped on (to skip with a reason), else `null`. */
  stoppedOn: StoppedOn | null;
  /** Checkpoint as a consistency token (`<commit>:<prepare>`), `null` before the first event. */
  position: string | null;
  /** Events after the checkpoint, counted up to `lagEventsCapped`'s bound. */
  lagEvents: number;
  lagEventsCapped: boolean;
  /** How long the oldest event not yet applied has waited. */
  lagMs: number;
  /**
   * The instance holding the lease (`host:pid:id`) while its lease is current, else `null`: then no
   * process runs this projector now, whatever its registered status says.
   */
  activeInstance: string | null;
}

export interface ProjectionStatusReport {
  /** The event store's head position (token), `null` when the log is empty. */
  head: string | null;
  projectors: ProjectorStatus[];
}

/**
 * Every registered projector's generation, position, lag and status, with the event store's head:
 * what `qm projection status` prints and the read API's admin endpoint serves.
 */
export async function projectionStatus(deps: {
  store: EventStore;
  database: SqlExecutor;
}): Promise<ProjectionStatusReport> {
  const now = Date.now();
  const registrations = await listRegistrations(deps.database);
  const leases = await deps.database.query<{ name: string; holder: string }>(
    'select name, holder from qm_projection_leases where expires_at > now()',
  );
  const holders = new Map(leases.map((lease) => [lease.name, lease.holder]));
  const projectors = await Promise.all(
    registrations.map(async (registration): Promise<ProjectorStatus> => {
      const checkpoint = await readGenerationCheckpoint(
        deps.database,
        registration.name,
        registration.activeGeneration,
      );
      const lag = await measureLag(deps.store, checkpoint, now);
      return {
        name: registration.name,
        kind: registration.kind,
        generation: registration.activeGeneration,
        version: registration.version,
        status: registration.status,
        lastError: registration.lastError,
        stoppedOn: registration.status === 'failed' ? stoppedOnEvent(registration.lastError) : null,
        position: checkpoint ? positionToToken(checkpoint) : null,
        lagEvents: lag.events,
        lagEventsCapped: lag.capped,
        lagMs: lag.ms,
        activeInstance: holders.get(registration.name) ?? null,
      };
    }),
  );
  const head = await deps.store.headPosition();
  return { head: head ? positionToToken(head) : null, projectors };
}
