import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { positionToToken } from '../../ports/position.ts';
import { memoryImportJobs } from '../../infra/imports/import-jobs.ts';

/** Reads an SSE answer until `until` holds for the messages so far (then cancels the body). */
async function readEvents(answer: Response, until: (messages: EventSourceMessage[]) => boolean) {
  const messages: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => messages.push(message) });
  const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader();
  while (!until(messages)) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(value);
  }
  await reader.cancel();
  return messages;
}

const orders = (messages: EventSourceMessage[]) => messages.filter((m) => m.event === 'order-placed');

describe('live events (SSE) on the read API', () => {
  let h: ReadApiHarness;
  let n = 0;
  const live = async (role: 'admin' | 'staff' | 'customer', headers: Record<string, string> = {}) =>
    h.readSide.api.request('/live/events', {
      headers: { authorization: `Bearer ${await h.token(role, `${role}-1`)}`, ...headers },
    });
  const place = () =>
    h.handlers.placeOrder(
      {
        orderId: `live-${++n}`,
        customerId: 'c-1',
        currency: 'EUR',
        lines: [{ productId: 'lp-1', quantity: 1 }],
        shippingAddress: berlinAddress,
      },
      h.context({ id: 'c-1', role: 'customer' }),
    );

  beforeAll(async () => {
    h = await readApiHarness('pglite', 'memory');
    await h.handlers.createLocation('berlin', 'Berlin', h.context());
    await h.handlers.createProduct(
      {
        productId: 'lp-1',
        sku: 'LP-1',
        name: 'Lamp',
        description: 'A lamp',
        brand: 'Acme',
        category: 'lights',
        attributes: {},
        allowBackorder: false,
        price: { amount: 2500, currency: 'EUR' },
      },
      h.context(),
    );
    await h.handlers.receiveStock(
      { sku: 'LP-1', location: 'berlin', quantity: 50, reference: null },
      h.context(),
    );
  });
  afterAll(async () => h?.close());

  it("pushes an import's progress to a catalog:write holder, with its row errors once finished", async () => {
    const imports = memoryImportJobs({ notifyEveryMs: 0 });
    const side = await h.openReadSide({ imports });
    const answer = await side.api.request('/live/events', {
      headers: { authorization: `Bearer ${await h.token('admin', 'admin-1')}` },
    });
    expect(answer.status).toBe(200);
    const progress = (m: EventSourceMessage[]) => m.filter((message) => message.event === 'import-progress');
    // The stream follows the imports before it sends its first snapshot: start the job after that.
    let started = false;
    const runJob = () => {
      started = true;
      const job = imports.start({
        importId: 'imp-1',
        kind: 'products',
        total: 2,
        startedBy: 'admin-1',
        startedAt: new Date().toISOString(),
      });
      job.row('created');
      job.row({
        row: 3,
        field: 'priceAmount',
        code: 'validation_failed',
        message: 'must be whole minor units',
      });
      job.finish(new Date().toISOString());
    };
    const reading = readEvents(answer, (m) => {
      if (!started && m.some((message) => message.event === 'projections')) runJob();
      return progress(m).some((message) => message.data.includes('"finished"'));
    });
    const sent = progress(await reading).map(
      (message) => JSON.parse(message.data) as Record<string, unknown>,
    );
    expect(sent.at(0)).toMatchObject({ importId: 'imp-1', state: 'running', done: 0, errors: [] });
    expect(sent.at(-1)).toMatchObject({
      state: 'finished',
      done: 2,
      created: 1,
      failed: 1,
      errors: [{ row: 3, field: 'priceAmount' }],
    });
  });

  it('sends new orders with their log position as id, and resumes after Last-Event-ID without loss or repeat', async () => {
    // From the log's head as it is now, so the order placed next is after it whatever the timing.
    const head = await h.store.headPosition();
    const first = await live('admin', { 'last-event-id': positionToToken(head!) });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    const placing = place();
    const seen = await readEvents(first, (m) => orders(m).length === 1);
    await placing;
    const [one] = orders(seen);
    expect(JSON.parse(one!.data)).toMatchObject({
      orderId: 'live-1',
      customerId: 'c-1',
      total: { currency: 'EUR' },
    });
    expect(one!.id).toMatch(/^\d+:\d+$/);
    // The address (personal data) never goes out.
    expect(one!.data).not.toContain(berlinAddress.city);

    // Disconnected: two orders are placed; the reconnection gets exactly those, in order.
    await place();
    await place();
    const resumed = await readEvents(
      await live('admin', { 'last-event-id': one!.id! }),
      (m) => orders(m).length >= 2 && m.some((x) => x.event === 'projections'),
    );
    expect(orders(resumed).map((m) => (JSON.parse(m.data) as { orderId: string }).orderId)).toEqual([
      'live-2',
      'live-3',
    ]);
    // Admins also get the projections' status and lag.
    expect(resumed.some((m) => m.event === 'projections')).toBe(true);
  });

  it('sends a low-stock crossing once a level goes at or below its threshold', async () => {
    const answer = await live('staff');
    const reading = readEvents(answer, (m) => m.some((x) => x.event === 'low-stock'));
    // Let the first look set the baseline, then cross.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const set = await h.handlers.setLowStockThreshold(
      { sku: 'LP-1', location: 'berlin', threshold: 100 },
      h.context(),
    );
    await h.settle(set.position);
    const seen = await reading;
    const crossing = seen.find((m) => m.event === 'low-stock')!;
    expect(JSON.parse(crossing.data)).toMatchObject({ sku: 'LP-1', location: 'berlin', threshold: 100 });
    // Staff may not see projection internals (operations:manage).
    expect(seen.some((m) => m.event === 'projections')).toBe(false);
  });

  it('refuses a customer (403) and an id it never sent (400 naming the header)', async () => {
    expect((await live('customer')).status).toBe(403);
    const bad = await live('admin', { 'last-event-id': 'yesterday' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ path: 'header.last-event-id' }] });
  });
});
