import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export function DataTable<Row>({
  caption,
  rows,
  columns,
  empty = 'Nothing to show.',
  rowClass,
}: {
  caption: string;
  rows: Row[];
  columns: Column<Row>[];
  empty?: string;
  /** A class for a row to stand out (low stock); its meaning must be in a cell's text too. */
  rowClass?: (row: Row) => string | undefined;
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className={rowClass?.(row)}>
            {columns.map((column) => (
              <td key={column.header} className={column.numeric ? 'num' : undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
