import { describe, expect, it } from 'vitest';
import { createAppendSignal } from './append-signal.ts';

const order = { stream: 'order-1', type: 'OrderPlaced' };
const location = { stream: 'location-berlin', type: 'LocationOpened' };

/** Whether `promise` has settled once the timers and microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('append signal', () => {
  it('wakes a waiter at the next append, and a filtered waiter only at an append it wants', async () => {
    const signal = createAppendSignal();
    const never = new AbortController().signal;
    const any = signal.wait(60_000, never);
    const locations = signal.wait(60_000, never, ({ stream }) => stream.startsWith('location-'));
    signal.notify([order]);
    expect(await settled(any)).toBe(true);
    expect(await settled(locations)).toBe(false);
    signal.notify([order, location]);
    expect(await settled(locations)).toBe(true);
  });

  it('lets a waiter go at its timeout or when its signal aborts', async () => {
    const signal = createAppendSignal();
    const stop = new AbortController();
    const timedOut = signal.wait(5, new AbortController().signal, () => false);
    const aborted = signal.wait(60_000, stop.signal);
    await timedOut;
    expect(await settled(aborted)).toBe(false);
    stop.abort();
    expect(await settled(aborted)).toBe(true);
  });
});

describe('append signal watchers', () => {
  it('hears every wanted append, waiting or not, until it stops watching', () => {
    const signal = createAppendSignal();
    const heard: string[] = [];
    const stop = signal.watch(
      ({ stream }) => stream.startsWith('location-'),
      () => heard.push('location'),
    );
    signal.watch(undefined, () => heard.push('any'));
    signal.notify([order]);
    signal.notify([location]);
    signal.notify([{ stream: '*', type: '*' }]);
    stop();
    signal.notify([location]);
    expect(heard).toEqual(['any', 'location', 'any', 'location', 'any', 'any']);
  });
});
