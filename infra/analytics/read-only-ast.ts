/**
 * The rules an analyst's query must pass, applied to the tree ClickHouse's own parser prints with
 * `EXPLAIN AST` (one node a line, indented one space per level, `Type [detail] [(alias a)]
 * [(children n)]`). A JavaScript SQL parser would have to agree with ClickHouse on every string,
 * comment and `#` quirk; the engine's parser cannot disagree with itself.
 */

/** Why a query is refused: `statement` names the offending part, `hint` what to do instead. */
export interface Refusal {
  statement: string;
  hint?: string;
}

interface AstNode {
  type: string;
  detail: string;
  children: AstNode[];
}

/** Statements that only read. `Show*` covers SHOW TABLES, SHOW CREATE, SHOW DATABASES... */
const READ_ROOTS =
  /^(SelectWithUnionQuery|SelectIntersectExceptQuery|Show\w*|DescribeQuery|Exists\w*|Explain)$/;

/**
 * Functions that reach outside the analytics tables: the scalar `file()` reads any local file the
 * process can, and the table functions read or write files, URLs and other servers. `readonly=1`
 * stops the table functions but not the scalar `file()`, so the list is checked wherever a
 * function appears.
 */
const OUTSIDE_FUNCTIONS = new Set([
  'file',
  'url',
  'urlcluster',
  's3',
  's3cluster',
  'gcs',
  'azureblobstorage',
  'hdfs',
  'remote',
  'remotesecure',
  'cluster',
  'clusterallreplicas',
  'mysql',
  'postgresql',
  'sqlite',
  'mongodb',
  'redis',
  'jdbc',
  'odbc',
  'executable',
  'input',
  'filecluster',
]);

/**
 * Checks `EXPLAIN AST` output (its lines) of `statement` (the canonical SQL, whose first word
 * names a refused statement) and returns the first refusal, or null when the query only reads the
 * analytics tables and returns its rows to the caller.
 */
export function refusalForAst(lines: readonly string[], statement: string): Refusal | null {
  const roots = parseAst(lines);
  if (roots.length !== 1) return { statement: 'more than one statement', hint: 'send one statement' };
  const root = roots[0]!;
  if (!READ_ROOTS.test(root.type)) return { statement: /^\w+/.exec(statement)?.[0] ?? root.type };
  return refusalForQuery(root) ?? refusalInTree(root, null);
}

/**
 * Output options hang off the statement node itself: `INTO OUTFILE` (and its `COMPRESSION`) as
 * string literals, `FORMAT` as an identifier, `SETTINGS` as a Set. A select's only other child is
 * its list of selects; EXPLAIN's first child is the statement explained, checked the same way.
 */
function refusalForQuery(query: AstNode): Refusal | null {
  const outfile = {
    statement: 'INTO OUTFILE',
    hint: 'the answer is printed; redirect it, e.g. --format csv > file.csv',
  };
  if (query.type === 'Explain') {
    const [explained, ...options] = query.children;
    if (options.some((child) => child.type === 'Literal')) return outfile;
    return explained ? refusalForQuery(explained) : null;
  }
  for (const child of query.children) {
    if (child.type === 'Literal') return outfile;
    if (query.type === 'SelectWithUnionQuery' && child.type === 'Identifier') {
      return { statement: 'FORMAT', hint: 'choose the output with --format table|csv|json' };
    }
  }
  return null;
}

function refusalInTree(node: AstNode, parent: AstNode | null): Refusal | null {
  // EXPLAIN's own options (`EXPLAIN indexes = 1`) are a Set child of the Explain node; any other
  // Set is a SETTINGS clause, which could only try to loosen the session.
  if (node.type === 'Set' && parent?.type !== 'Explain') {
    return { statement: 'SETTINGS', hint: 'the session is read-only; leave settings out' };
  }
  if (node.type === 'Function') {
    const name = node.detail.split(' ')[0]!.toLowerCase();
    if (OUTSIDE_FUNCTIONS.has(name)) {
      return {
        statement: `${name}()`,
        hint: 'only the analytics tables can be queried, not files, URLs or other servers',
      };
    }
    if (parent?.type === 'TableExpression') {
      return { statement: `the table function ${name}()`, hint: 'query the analytics tables' };
    }
  }
  for (const child of node.children) {
    const refusal = refusalInTree(child, node);
    if (refusal) return refusal;
  }
  return null;
}

/** Builds the tree from the indentation; a line's parent is the nearest line one level up. */
function parseAst(lines: readonly string[]): AstNode[] {
  const roots: AstNode[] = [];
  const stack: AstNode[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const depth = line.length - line.trimStart().length;
    const [type = '', ...rest] = line.trim().split(' ');
    const node: AstNode = { type, detail: rest.join(' '), children: [] };
    stack.length = Math.min(stack.length, depth);
    const parent = stack[depth - 1];
    if (depth === 0 || !parent) roots.push(node);
    else parent.children.push(node);
    stack[depth] = node;
  }
  return roots;
}
