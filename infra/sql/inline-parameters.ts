import pg from 'pg';

/**
 * A statement with its parameters written into it as literals, for a multi-statement script sent
 * with the simple query protocol (which takes no parameters). Each literal is the text `pg` would
 * send for the parameter, quoted: PostgreSQL gives it a type from its context as it does to an
 * untyped parameter, so the statement means the same.
 *
 * Only for statements built by the query builder or by hand without literals of their own: a
 * quoted string in `text` could hold something that looks like a placeholder, so such a statement
 * is refused rather than guessed at.
 */
export function inlineParameters(text: string, params: readonly unknown[]): string {
  if (!inlinable(text)) {
    throw new Error(`a statement with its own literals cannot have parameters inlined: ${text.slice(0, 80)}`);
  }
  return text.replaceAll(/\$(\d+)/g, (_, index: string) => {
    const position = Number(index);
    if (position < 1 || position > params.length) {
      throw new Error(`placeholder $${position} has no parameter (${params.length} given)`);
    }
    return literal(params[position - 1]);
  });
}

/** Whether `inlineParameters` takes `text`: it holds no quoted literal of its own. */
export function inlinable(text: string): boolean {
  return !text.includes("'") && !text.includes('$$');
}

// pg's own conversion of a parameter to the text it sends (exported at runtime, not in its types).
const { prepareValue } = (
  pg as unknown as { utils: { prepareValue: (value: unknown) => string | Buffer | null } }
).utils;

function literal(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'null';
  // Buffers travel as binary parameters; no write deferred to a commit takes one.
  if (typeof text !== 'string') throw new Error('binary parameters cannot be inlined');
  return quote(text);
}

/**
 * The literal `pg.escapeLiteral` makes (quotes doubled; with a backslash, an E'' string with
 * backslashes doubled), built with two whole-string replaces: pg's builds it a character at a
 * time, which for a batch's rows as one JSON parameter (tens of kilobytes) was a visible share of a
 * live projector's CPU.
 */
function quote(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}
