import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replenishmentDecider, type ReplenishmentCommand } from '../../domain/replenishment/index.ts';
import { replenishmentStream } from '../../domain/streams.ts';
import { eventLog } from '../testing/event-log.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { replenishmentProjection } from './projection.ts';
import { listReorderPoints, listSuggestions } from './queries.ts';

const at = { sku: 'MUG', location: 'berlin' };
const system = { id: 'forecasting', role: 'system' } as const;

function history() {
  const log = eventLog('2026-03-02T08:00:00.000Z');
  const run = (command: ReplenishmentCommand) =>
    log.decide(replenishmentDecider, replenishmentStream(at.sku, at.location), command, { actor: system });
  const recalc = (leadTimeDemand: number, available: number) =>
    run({
      type: 'RecalculateReorderPoint',
      data: {
        ...at,
        leadTimeDemand,
        safetyStock: 5,
        forecastErrorSd: 2,
        leadTimeDays: 7,
        serviceLevel: 0.95,
        reviewPeriodDays: 7,
        method: 'holt-winters',
        demandClass: 'smooth',
        historyDays: 60,
        available,
        asOf: '2026-03-02T08:00:00.000Z',
      },
    });
  const review = (available: number, suggestionId: string) =>
    run({
      type: 'ReviewReplenishment',
      data: { ...at, available, suggestionId, now: '2026-03-02T08:00:00.000Z' },
    });
  return { log, run, recalc, review };
}

describe.each(['pglite', 'postgres'] as const)('replenishment projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  // Batches of one, of a few (a suggestion closed in a later batch than the one that made it) and
  // of everything (made and closed in one batch): the same rows.
  it.each([1, 3, 100])(
    'keeps the current reorder point and every suggestion with what became of it (batches of %i)',
    async (batchSize) => {
      const h = history();
      h.recalc(70, 100); // 10 a day: reorder point 75, order up to 145
      h.review(60, 's-1'); // suggest 85
      h.review(20, 's-2'); // supersedes: 125
      h.review(200, 's-3'); // withdrawn
      h.recalc(140, 30); // 20 a day: reorder point 145
      h.review(30, 's-4'); // suggest 255
      h.run({
        type: 'DismissReplenishmentSuggestion',
        data: { ...at, suggestionId: 's-4', note: 'discontinuing' },
      });
      h.run({ type: 'SetReplenishmentPolicy', data: { ...at, leadTimeDays: 10, serviceLevel: null } });
      const spec = await database.spec(replenishmentProjection());
      const tags = await spec.given(h.log.events, { batchSize });
      expect(tags).toContain('replenishment');

      const points = await spec.read((db) => listReorderPoints(db, { limit: 10 }));
      expect(points).toEqual([
        expect.objectContaining({
          ...at,
          reorderPoint: 145,
          orderUpTo: 285,
          expectedDailyDemand: 20,
          available: 30,
          daysOfCover: 1.5,
          method: 'holt-winters',
          policy: { leadTimeDays: 10, serviceLevel: null },
        }),
      ]);
      const suggestions = await spec.read((db) => listSuggestions(db, { limit: 10 }));
      expect(suggestions.map((s) => [s.suggestionId, s.quantity, s.status, s.note])).toEqual(
        expect.arrayContaining([
          ['s-1', 85, 'superseded', null],
          ['s-2', 125, 'withdrawn', null],
          ['s-4', 255, 'dismissed', 'discontinuing'],
        ]),
      );
      expect(suggestions).toHaveLength(3);
      expect(await spec.read((db) => listSuggestions(db, { status: 'open', limit: 10 }))).toEqual([]);
    },
  );

  it('lists what runs out soonest first and filters by days of cover', async () => {
    const h = history();
    h.recalc(70, 100);
    const spec = await database.spec(replenishmentProjection());
    await spec.given(h.log.events);
    expect(await spec.read((db) => listReorderPoints(db, { maxDaysOfCover: 5, limit: 10 }))).toEqual([]);
    expect(await spec.read((db) => listReorderPoints(db, { maxDaysOfCover: 11, limit: 10 }))).toHaveLength(1);
  });
});
