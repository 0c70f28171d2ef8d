import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { promotionStream } from '../../domain/streams.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { controllableClock, type ControllableClock } from '../../test-support/controllable-clock.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';
import {
  createPromotionWindowScheduler,
  type PromotionWindowScheduler,
} from './promotion-window-scheduler.ts';

const START = '2026-12-05T10:00:00.000Z';
const MINUTE = 60_000;
/** Long enough for a scheduler that was going to fire to have done so (it would, within a tick). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * A promotion's window closing, on the real write side (PGlite): the scheduler expires it exactly
 * at `endsAt` by a controllable clock, rebuilds its schedule after a restart, follows edits, and a
 * draft whose window closed is expired the moment it is activated.
 */
describe('promotion window scheduler (PGlite)', () => {
  let h: CommandHarness;
  let clock: ControllableClock;
  let scheduler: PromotionWindowScheduler | undefined;
  const admin = () => h.context({ id: 'admin-1', role: 'admin' });

  beforeAll(async () => {
    h = await commandHarness('pglite');
  });
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });
  afterAll(() => h.dispose());

  const start = async () => {
    scheduler = createPromotionWindowScheduler({
      store: h.store,
      clock,
      ids: uuidV7Ids,
      lease: soleInstanceLease,
      expire: (promotionId, context) =>
        h.handlers.expirePromotion({ promotionId, reason: 'window_closed' }, context),
    });
    await scheduler.start();
    return scheduler;
  };
  const create = async (promotionId: string, endsAt: string | null, activate = true) => {
    await h.handlers.createPromotion(
      {
        promotionId,
        definition: definition({ kind: 'order_percent', basisPoints: 1000 }, { rules: { endsAt } }),
      },
      admin(),
    );
    if (activate) await h.handlers.activatePromotion(promotionId, admin());
  };
  const lifecycle = async (promotionId: string) =>
    (await h.store.readStream(promotionStream(promotionId))).map((event) =>
      event.type === 'PromotionExpired' ? `${event.type}:${event.data.reason as string}` : event.type,
    );
  const at = (minutes: number) => new Date(Date.parse(START) + minutes * MINUTE).toISOString();

  it('expires an active promotion exactly when its window closes, not a millisecond before', async () => {
    clock = controllableClock(START);
    await create('flash', at(30));
    await create('forever', null);
    const running = await start();
    expect([...running.pending()]).toEqual([['flash', new Date(at(30))]]);

    clock.advance(30 * MINUTE - 1);
    await settle();
    expect(await lifecycle('flash')).toEqual(['PromotionCreated', 'PromotionActivated']);

    clock.advance(1);
    await expect
      .poll(() => lifecycle('flash'))
      .toEqual(['PromotionCreated', 'PromotionActivated', 'PromotionExpired:window_closed']);
    await expect.poll(() => running.pending().size).toBe(0);
    expect(await lifecycle('forever')).toEqual(['PromotionCreated', 'PromotionActivated']);
  });

  it('survives a restart: the schedule is rebuilt from the log and fires after it', async () => {
    clock = controllableClock(START);
    await create('restart', at(10));
    await start();
    await scheduler!.stop();
    scheduler = undefined;

    clock.advance(20 * MINUTE); // the window closed while no scheduler ran
    expect(await lifecycle('restart')).toEqual(['PromotionCreated', 'PromotionActivated']);
    await start(); // an overdue key fires at once
    await expect.poll(() => lifecycle('restart')).toContain('PromotionExpired:window_closed');
  });

  it('follows edits: a later end moves the firing, an open end takes the promotion off', async () => {
    clock = controllableClock(START);
    await create('moved', at(10));
    await create('opened', at(10));
    const running = await start();
    const edit = (promotionId: string, endsAt: string | null) =>
      h.handlers.editPromotion(
        {
          promotionId,
          definition: definition({ kind: 'order_percent', basisPoints: 1000 }, { rules: { endsAt } }),
        },
        admin(),
      );
    await edit('moved', at(60));
    await edit('opened', null);
    await expect.poll(() => running.pending()).toEqual(new Map([['moved', new Date(at(60))]]));

    clock.advance(30 * MINUTE);
    await settle();
    expect(await lifecycle('moved')).not.toContain('PromotionExpired:window_closed');
    clock.advance(30 * MINUTE);
    await expect.poll(() => lifecycle('moved')).toContain('PromotionExpired:window_closed');
    expect(await lifecycle('opened')).not.toContain('PromotionExpired:window_closed');
  });

  it('leaves a draft alone when its window closes, and expires it the moment it is activated', async () => {
    clock = controllableClock(START);
    await create('late-draft', at(5), false);
    const running = await start();
    clock.advance(10 * MINUTE);
    // Expiring a draft is refused (a domain error): the scheduler counts it as done.
    await expect.poll(() => running.pending().size).toBe(0);
    expect(await lifecycle('late-draft')).toEqual(['PromotionCreated']);

    await h.handlers.activatePromotion('late-draft', admin());
    await expect
      .poll(() => lifecycle('late-draft'))
      .toEqual(['PromotionCreated', 'PromotionActivated', 'PromotionExpired:window_closed']);
  });

  it('drops a promotion ended by staff before its window closed', async () => {
    clock = controllableClock(START);
    await create('ended', at(15));
    const running = await start();
    await h.handlers.expirePromotion({ promotionId: 'ended', reason: 'ended_by_staff' }, admin());
    await expect.poll(() => running.pending().has('ended')).toBe(false);
    clock.advance(20 * MINUTE);
    await settle();
    expect(await lifecycle('ended')).toEqual([
      'PromotionCreated',
      'PromotionActivated',
      'PromotionExpired:ended_by_staff',
    ]);
  });
});
