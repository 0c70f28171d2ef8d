import { describe, expect, it } from 'vitest';
import { refusalForAst } from './read-only-ast.ts';

// Trees as `EXPLAIN AST` prints them (chDB 3.4), one node a line.
const select = [
  'SelectWithUnionQuery (children 1)',
  ' ExpressionList (children 1)',
  '  SelectQuery (children 2)',
  '   ExpressionList (children 1)',
  '    Identifier sku',
  '   TablesInSelectQuery (children 1)',
  '    TablesInSelectQueryElement (children 1)',
  '     TableExpression (children 1)',
  '      TableIdentifier order_lines',
];

describe('refusalForAst', () => {
  it('lets a plain SELECT, SHOW, DESCRIBE and EXPLAIN with its options through', () => {
    expect(refusalForAst(select, 'SELECT sku FROM order_lines')).toBeNull();
    expect(refusalForAst(['ShowTables'], 'SHOW TABLES')).toBeNull();
    expect(
      refusalForAst(
        ['DescribeQuery (children 1)', ' TableExpression (children 1)', '  TableIdentifier t'],
        'DESCRIBE t',
      ),
    ).toBeNull();
    expect(
      refusalForAst(
        ['Explain EXPLAIN (children 2)', ' Set', ...select.map((line) => ` ${line}`)],
        'EXPLAIN indexes = 1 SELECT',
      ),
    ).toBeNull();
  });

  it('refuses output options on the statement, wherever the statement is', () => {
    expect(refusalForAst([...select, " Literal '/tmp/x'"], 'SELECT')).toMatchObject({
      statement: 'INTO OUTFILE',
    });
    expect(refusalForAst([...select, ' Identifier CSV'], 'SELECT')).toMatchObject({ statement: 'FORMAT' });
    expect(refusalForAst([...select, ' Set'], 'SELECT')).toMatchObject({ statement: 'SETTINGS' });
    expect(refusalForAst(['ShowTables (children 1)', " Literal '/tmp/x'"], 'SHOW')).toMatchObject({
      statement: 'INTO OUTFILE',
    });
    const explained = [
      'Explain EXPLAIN (children 2)',
      ...select.map((line) => ` ${line}`),
      " Literal '/tmp/x'",
    ];
    expect(refusalForAst(explained, 'EXPLAIN')).toMatchObject({ statement: 'INTO OUTFILE' });
  });

  it('refuses table functions and the file() function anywhere', () => {
    const fromFile = select.map((line) =>
      line.replace('TableIdentifier order_lines', 'Function file (children 1)'),
    );
    expect(refusalForAst(fromFile, 'SELECT')).toMatchObject({ statement: 'file()' });
    const fromNumbers = select.map((line) =>
      line.replace('TableIdentifier order_lines', 'Function numbers (children 1)'),
    );
    expect(refusalForAst(fromNumbers, 'SELECT')).toMatchObject({ statement: 'the table function numbers()' });
    const scalar = select.map((line) =>
      line.replace('Identifier sku', 'Function file (alias f) (children 1)'),
    );
    expect(refusalForAst(scalar, 'SELECT')).toMatchObject({ statement: 'file()' });
  });

  it('refuses what is not a read, naming its first word, and a second root', () => {
    expect(refusalForAst(['InsertQuery   (children 1)'], 'INSERT INTO t VALUES')).toMatchObject({
      statement: 'INSERT',
    });
    expect(refusalForAst([...select, 'SelectWithUnionQuery (children 1)'], 'SELECT')).toMatchObject({
      statement: 'more than one statement',
    });
  });
});
