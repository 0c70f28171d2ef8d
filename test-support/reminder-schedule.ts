import type { WakingClock } from '../ports/clock.ts';
import type { EventStore, NewEvent } from '../ports/event-store.ts';
import type { Lease } from '../ports/lease.ts';
import type { CommandContext } from '../commands/runtime/command-context.ts';
import { createEventScheduler, type EventScheduler } from '../commands/scheduling/event-scheduler.ts';
import { AlreadyExists } from '../domain/errors.ts';
import { uuidV7Ids } from '../infra/ids/uuid-v7-ids.ts';

/**
 * A toy scheduled workflow for the scheduler's tests, with no order machinery in the way: a
 * reminder is set for a time, sent once when due (a second send is refused, as a real command
 * refuses work already done), or cancelled before.
 */
export function reminders(store: EventStore) {
  const stream = (id: string) => `reminder-${id}`;
  const event = (type: string, data: NewEvent['data']): NewEvent => ({
    id: uuidV7Ids.newId(),
    type,
    data,
    metadata: {
      actor: { id: 'test', role: 'system' },
      correlationId: uuidV7Ids.newId(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  });

  async function send(id: string, context: CommandContext): Promise<void> {
    const history = await store.readStream(stream(id));
    if (history.some((recorded) => recorded.type === 'ReminderSent')) {
      throw new AlreadyExists({ aggregate: 'reminder', id });
    }
    await store.append(stream(id), [event('ReminderSent', { id, at: context.now })], history.length - 1);
  }

  return {
    set: (id: string, dueAt: string) =>
      store.append(stream(id), [event('ReminderSet', { id, dueAt })], 'any'),
    cancel: (id: string) => store.append(stream(id), [event('ReminderCancelled', { id })], 'any'),
    send,

    /**
     * One scheduler instance (one "process"), recording what it fired and when by its clock.
     * `failures` makes the next send of a key throw that error instead.
     */
    scheduler(options: { clock: WakingClock; lease: Lease; retryMs?: number }) {
      const fired: { key: string; now: string }[] = [];
      const failures = new Map<string, Error>();
      const scheduler: EventScheduler<string> = createEventScheduler<string>({
        name: 'reminders',
        store,
        filter: { categories: ['reminder'] },
        schedule: (recorded) => {
          const key = recorded.data.id as string;
          return recorded.type === 'ReminderSet'
            ? { key, dueAt: recorded.data.dueAt as string }
            : { key, cancel: true };
        },
        action: async (key, context) => {
          const failure = failures.get(key);
          failures.delete(key);
          if (failure) throw failure;
          await send(key, context);
          fired.push({ key, now: context.now });
        },
        ids: uuidV7Ids,
        ...options,
      });
      return { scheduler, fired, failures };
    },
  };
}
