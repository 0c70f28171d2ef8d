/**
 * What a read-model projection does on `CustomerErased`: the same anonymisation a replay gives
 * (events whose subject key is gone read their personal fields as `[erased]`), applied in place to
 * the rows it copied while the key existed. Shared by every read model holding event data.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CustomerErased } from '../../domain/privacy/events.ts';
import { erasedText } from '../../domain/privacy/personal-fields.ts';
import { personalPaths } from '../../infra/privacy/erased-json-sql.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { ProjectionEffects, ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';

export const erasureFilter = { categories: ['privacy'], eventTypes: ['CustomerErased'] } as const;

export function isErasure(event: RecordedEvent): event is RecordedEvent & CustomerErased {
  return event.type === 'CustomerErased';
}

/**
 * `erasedJsonSql` as a Kysely value, with every constant a parameter: the live projector inlines
 * parameters into statements it sends at commit, and refuses statements with literals of their own.
 */
export function erasedJson<T>(column: string, eventType: string, prefix = ''): RawBuilder<T> {
  // Read models declare `json` columns (`col.json`): the work is done in jsonb, the answer cast back.
  const original = sql`${sql.ref(column)}::jsonb`;
  let expression: RawBuilder<unknown> = original;
  for (const path of personalPaths(eventType, prefix)) {
    const at = sql`${`{${path.join(',')}}`}::text[]`;
    const value = sql`case when jsonb_typeof(${original} #> ${at}) = ${'string'} then ${JSON.stringify(erasedText)}::jsonb else coalesce(${original} #> ${at}, ${'null'}::jsonb) end`;
    expression = sql`jsonb_set(${expression}, ${at}, ${value}, ${false})`;
  }
  return sql<T>`(${expression})::json`;
}

/**
 * A staged projection that also anonymises on `CustomerErased`: order-like events go through the
 * projection's own stages; each erasure runs `erase` after them, in the same transaction. A
 * replay (which runs the stages alone) needs none of it: its events already read as erased.
 */
export function withErasure<Database>(
  projection: ReadModelProjection<Database> & { staged: Staged<Database, unknown> },
  erase: (db: Kysely<Database>, erasure: CustomerErased['data']) => Promise<readonly string[]>,
): ReadModelProjection<Database> {
  const kept = (events: readonly RecordedEvent[]) => events.filter((event) => !isErasure(event));
  const staged: Staged<Database, unknown> = {
    ...projection.staged,
    load: (db, events, models) => projection.staged.load(db, kept(events), models),
    fold: (models, events) => projection.staged.fold(models, kept(events)),
  };
  const applyStaged = stagedApply(staged);
  const filter = projection.filter ?? {};
  return {
    ...projection,
    filter: {
      categories: [...(filter.categories ?? []), ...erasureFilter.categories],
      eventTypes: [...(filter.eventTypes ?? []), ...erasureFilter.eventTypes],
    },
    staged,
    async apply(db, events): Promise<ProjectionEffects> {
      const effects = await applyStaged(db, events);
      const invalidate = [...(effects.invalidate ?? [])];
      for (const event of events.filter(isErasure)) invalidate.push(...(await erase(db, event.data)));
      return { invalidate };
    },
  };
}
