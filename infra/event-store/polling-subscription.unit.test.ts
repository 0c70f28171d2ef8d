import { describe, expect, it } from 'vitest';
import type { RecordedEvent, ReadAllOptions } from '../../ports/event-store.ts';
import { comparePositions, type Position } from '../../ports/position.ts';
import { createAppendSignal } from './append-signal.ts';
import { pollingSubscription } from './polling-subscription.ts';

/** Idle polls this long would time the tests out: what they see came from announcements or quick polls. */
const IDLE_MS = 600_000;

function event(n: number): RecordedEvent {
  return {
    id: `e${n}`,
    type: 'Noted',
    data: {},
    metadata: {
      actor: { id: 't', role: 'system' },
      correlationId: 'c',
      causationId: null,
      occurredAt: '',
      schemaVersion: 1,
    },
    stream: `note-${n}`,
    revision: 0,
    position: { commit: BigInt(n), prepare: BigInt(n) },
    recordedAt: '',
  };
}

/** An in-memory log whose visible part the test controls, with a hook that runs inside each read. */
function source(pollIntervalMs = 5) {
  const log: RecordedEvent[] = [];
  let visible = 0;
  let duringRead: (() => void) | undefined;
  const signal = createAppendSignal();
  const after = (from: Position | 'start' | 'end' | undefined) => (e: RecordedEvent) =>
    from === undefined || from === 'start' || from === 'end' || comparePositions(e.position, from) > 0;
  return {
    signal,
    log,
    show: (count: number) => (visible = count),
    inRead: (hook: () => void) => (duringRead = hook),
    source: {
      signal,
      pollIntervalMs,
      idlePollIntervalMs: IDLE_MS,
      headPosition: async () => log[visible - 1]?.position ?? null,
      async readAll(options: ReadAllOptions) {
        const page = log.slice(0, visible).filter(after(options.from)).slice(0, options.maxCount);
        const hook = duringRead;
        duringRead = undefined;
        hook?.();
        return page;
      },
    },
  };
}

const idOf = (result: IteratorResult<RecordedEvent, unknown>) => (result.done ? undefined : result.value.id);

describe('polling subscription', () => {
  it('reads at once an append announced while it was reading, however long its idle poll', async () => {
    // No quick poll either: only hearing the announcement can find e2 in time.
    const s = source(IDLE_MS);
    s.log.push(event(1));
    s.show(1);
    // The read that finds e1 is under way when e2 commits and is announced; no one waits then.
    s.inRead(() => {
      s.log.push(event(2));
      s.show(2);
      s.signal.notify([{ stream: 'note-2', type: 'Noted' }]);
    });
    const subscription = pollingSubscription(s.source);
    const seen = subscription[Symbol.asyncIterator]();
    expect(idOf(await seen.next())).toBe('e1');
    expect(idOf(await seen.next())).toBe('e2');
    await subscription.stop();
  });

  it('polls quickly after an announcement until the announced event becomes visible', async () => {
    const s = source();
    const subscription = pollingSubscription(s.source);
    const seen = subscription[Symbol.asyncIterator]();
    const next = seen.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Committed and announced, but behind an older transaction: not visible to the next reads.
    s.log.push(event(1));
    s.signal.notify([{ stream: 'note-1', type: 'Noted' }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The older transaction ends: nothing announces that, only a quick poll finds it.
    s.show(1);
    expect(idOf(await next)).toBe('e1');
    await subscription.stop();
  });

  it('with lagMs, reads once for all the appends announced within it', async () => {
    const s = source(IDLE_MS);
    let reads = 0;
    const readAll = s.source.readAll;
    s.source.readAll = (options) => {
      reads++;
      return readAll(options);
    };
    const subscription = pollingSubscription(s.source, { lagMs: 300 });
    const seen = subscription[Symbol.asyncIterator]();
    const first = seen.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(1); // caught up with the empty log
    // Ten appends, each announced, within the lag: without it, each would be read on its own.
    for (let n = 1; n <= 10; n++) {
      s.log.push(event(n));
      s.show(n);
      s.signal.notify([{ stream: `note-${n}`, type: 'Noted' }]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(reads).toBe(1);
    expect(idOf(await first)).toBe('e1');
    for (let n = 2; n <= 10; n++) expect(idOf(await seen.next())).toBe(`e${n}`);
    expect(reads).toBe(2);
    await subscription.stop();
  });
});
