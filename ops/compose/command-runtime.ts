import type { DecisionLock } from '../../ports/decision-lock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { createGroupCommit } from '../../commands/runtime/group-commit.ts';
import type { CommandRuntime } from '../../commands/runtime/command-runtime.ts';
import { createKeyedLock } from '../../commands/runtime/keyed-lock.ts';
import { createStateCache } from '../../commands/runtime/state-cache.ts';
import { createStreamTurns } from '../../commands/runtime/stream-turns.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';

/**
 * The command runtime the write side runs with over `store`: a state cache, UUIDv7 ids, up to 50
 * retries after a lost race (holding the turns of the streams lost on), per-stream queues and group
 * commit. The command test harness uses the same, so tests exercise what production runs. With
 * `decisionLock`, retries after a lost race take turns with other processes' (several `qm serve`
 * on one database).
 */
export function commandRuntime(
  store: EventStore,
  options: { decisionLock?: DecisionLock } = {},
): CommandRuntime {
  return {
    ...options,
    store,
    cache: createStateCache(),
    ids: uuidV7Ids,
    maxRetries: 50,
    locks: createKeyedLock(),
    groupCommit: createGroupCommit(),
    turns: createStreamTurns(),
  };
}
