import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeAlreadyUsed } from '../../domain/promotions/index.ts';
import { couponGenerationStream, couponStream } from '../../domain/streams.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';
import { CODES_PER_BATCH, generateCodes } from './generate-codes.ts';

const unique = definition({ kind: 'order_fixed', amount: 500 }, { codes: { mode: 'unique' } });

describe('coupon codes (PostgreSQL)', () => {
  let h: CommandHarness;

  beforeAll(async () => {
    h = await commandHarness('postgres');
  });
  afterAll(() => h.dispose());

  it('claims a shared code with its promotion, whatever its case, and refuses it to another', async () => {
    const shared = (code: string) =>
      definition({ kind: 'order_percent', basisPoints: 1000 }, { codes: { mode: 'shared', code } });
    await h.handlers.createPromotion(
      { promotionId: 'p-shared', definition: shared('Winter10') },
      h.context(),
    );
    expect((await h.store.readStream(couponStream('WINTER10'))).map((e) => e.type)).toEqual(['CodeClaimed']);
    await expect(
      h.handlers.createPromotion({ promotionId: 'p-other', definition: shared('winter10') }, h.context()),
    ).rejects.toMatchObject({
      code: 'code_already_used',
      details: { code: 'WINTER10', promotionId: 'p-shared' },
    });
    expect(await h.store.readStream('promotion-p-other')).toEqual([]);
  });

  it('generates 10,000 unique codes in one command, in batches under one generation id', async () => {
    await activePromotion(h.handlers, h.context(), 'p-unique', unique);
    const { codes, batches } = await h.handlers.generateCodes(
      { promotionId: 'p-unique', generationId: 'g1', count: 10_000, prefix: 'xmas' },
      h.context(),
    );
    expect(codes).toHaveLength(10_000);
    expect(new Set(codes).size).toBe(10_000);
    expect(codes.every((c) => /^XMAS-[A-Z2-9]{10}$/.test(c))).toBe(true);
    expect(batches).toBe(10_000 / CODES_PER_BATCH);
    const recorded = await h.store.readStream(couponGenerationStream('g1'));
    expect(recorded.map((e) => e.data.batch)).toEqual(Array.from({ length: batches }, (_, i) => i));
    expect((await h.store.readStream(couponStream(codes[9_999]!))).map((e) => e.data.generationId)).toEqual([
      'g1',
    ]);
  });

  it('draws a code again when it collides with an existing one, and resumes a generation by its id', async () => {
    await activePromotion(h.handlers, h.context(), 'p-collide', unique);
    // WINTER10 is the shared code above: the first draw collides with it.
    const draws = ['WINTER10', 'FRESH00001', 'FRESH00002', 'FRESH00003'];
    const source = () => draws.shift() ?? 'NEVER';
    const runtime = commandRuntime(h.store);
    const result = await generateCodes(
      runtime,
      { promotionId: 'p-collide', generationId: 'g2', count: 2 },
      h.context(),
      source,
    );
    expect(result.codes.sort()).toEqual(['FRESH00001', 'FRESH00002']);
    // Run again with the same generation id: the batch is in, nothing more is appended.
    const again = await generateCodes(
      runtime,
      { promotionId: 'p-collide', generationId: 'g2', count: 2 },
      h.context(),
      source,
    );
    expect(again.codes).toEqual([]);
    expect(await h.store.readStream(couponGenerationStream('g2'))).toHaveLength(1);
  });

  it('gives up on a source that only collides, appending nothing', async () => {
    const runtime = commandRuntime(h.store);
    await expect(
      generateCodes(
        runtime,
        { promotionId: 'p-collide', generationId: 'g3', count: 1 },
        h.context(),
        () => 'WINTER10',
      ),
    ).rejects.toBeInstanceOf(CodeAlreadyUsed);
    expect(await h.store.readStream(couponGenerationStream('g3'))).toEqual([]);
  });

  it('refuses codes for a promotion whose codes are not unique', async () => {
    await expect(
      h.handlers.generateCodes({ promotionId: 'p-shared', generationId: 'g4', count: 1 }, h.context()),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
