import { erasedText, personalFieldsOf } from '../../domain/privacy/personal-fields.ts';

/**
 * SQL for `column` (jsonb) with every personal field of `eventType` that holds a string set to
 * `[erased]`: what decrypting the event without its key gives, for stores that copied the opened
 * data (read models, the notification consumer's state). `prefix` drops a leading part of the
 * paths for a column that holds only part of the data (`shippingAddress.` for an address column).
 * `column` must be a trusted identifier (code, never input).
 */
export function erasedJsonSql(column: string, eventType: string, prefix = ''): string {
  const paths = personalPaths(eventType, prefix).map((path) => `'{${path.join(',')}}'`);
  const erased = `'${JSON.stringify(erasedText)}'::jsonb`;
  // Each value comes from the original column (the paths are disjoint), so the SQL grows
  // linearly; a missing key stays missing (create_missing false), a null stays null.
  return paths.reduce(
    (expression, at) =>
      `jsonb_set(${expression}, ${at}, case when jsonb_typeof(${column} #> ${at}) = 'string' then ${erased} else coalesce(${column} #> ${at}, 'null'::jsonb) end, false)`,
    column,
  );
}

/** The personal paths of `eventType` under `prefix`, as key lists relative to it. */
export function personalPaths(eventType: string, prefix = ''): string[][] {
  return (personalFieldsOf(eventType)?.paths ?? [])
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length).split('.'));
}
