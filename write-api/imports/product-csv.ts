import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import type { ProductImportRow, RowFailure } from '../../commands/command-handlers.ts';
import { validationProblem } from '../../infra/http/validation-problem.ts';
import { CreateProduct } from '../schemas/product.ts';

/**
 * The columns of a product CSV (docs/operations.md, "Catalog import"), each one field of
 * `POST /products`: the price is split in two, `priceAmount` in minor units (cents) and
 * `priceCurrency`. A file without a required column, or with a column not listed, is refused whole.
 */
export const requiredColumns = [
  'productId',
  'sku',
  'name',
  'brand',
  'category',
  'priceAmount',
  'priceCurrency',
] as const;
export const optionalColumns = ['description', 'allowBackorder'] as const;
const knownColumns: readonly string[] = [...requiredColumns, ...optionalColumns];

/** Rows past this are refused with the file: one upload is one job, and a job should end. */
export const MAX_ROWS = 50_000;

export interface ParsedProductCsv {
  rows: ProductImportRow[];
  /** Rows refused by the schema before any command ran, with their row number and column. */
  invalid: RowFailure[];
  total: number;
}

/**
 * Parses an uploaded CSV (csv-parse: RFC 4180 quoting, a BOM, CRLF or LF). A file that cannot be
 * read as one (not UTF-8, unbalanced quotes, rows of other widths than the header, a missing or
 * unknown column) throws the 400 problem naming what is wrong, so nothing runs. Each row is then
 * checked with the create route's own schema; a bad row is reported, the others import.
 */
export function parseProductCsv(body: Uint8Array): ParsedProductCsv {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw validationProblem([{ path: 'body', message: 'must be a CSV file in UTF-8' }]);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, to: MAX_ROWS + 2 });
  } catch (error) {
    if (error instanceof CsvError) {
      throw validationProblem([{ path: 'body', message: `is not valid CSV: ${error.message}` }]);
    }
    throw error;
  }
  const [header, ...lines] = records;
  if (!header)
    throw validationProblem([{ path: 'body', message: 'is empty: the first row must name the columns' }]);
  if (lines.length > MAX_ROWS) {
    throw validationProblem([{ path: 'body', message: `has more than ${MAX_ROWS} rows: split the file` }]);
  }
  checkHeader(header);
  const given = new Set(header);
  const rows: ProductImportRow[] = [];
  const invalid: RowFailure[] = [];
  lines.forEach((cells, index) => {
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    const row = index + 2;
    const record = Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
    const checked = CreateProduct.safeParse(productOf(record));
    if (checked.success) {
      rows.push({ row, product: checked.data, given });
      return;
    }
    const issue = checked.error.issues[0]!;
    invalid.push({ row, field: columnOf(issue.path), code: 'validation_failed', message: issue.message });
  });
  return { rows, invalid, total: lines.length };
}

function checkHeader(header: readonly string[]): void {
  const errors = [
    ...requiredColumns
      .filter((column) => !header.includes(column))
      .map((column) => ({ path: `header.${column}`, message: 'is a required column and is missing' })),
    ...header
      .filter((column) => !knownColumns.includes(column))
      .map((column) => ({
        path: `header.${column}`,
        message: `is not a column of a product import (columns: ${knownColumns.join(', ')})`,
      })),
    ...header
      .filter((column, i) => header.indexOf(column) !== i)
      .map((column) => ({ path: `header.${column}`, message: 'appears twice' })),
  ];
  if (errors.length > 0) throw validationProblem(errors);
}

/** A row as `POST /products` takes it; a cell that is not a number or boolean is left for the schema to name. */
function productOf(record: Record<string, string>) {
  const amount = record.priceAmount ?? '';
  const backorder = (record.allowBackorder ?? '').toLowerCase();
  return {
    productId: record.productId,
    sku: record.sku,
    name: record.name,
    brand: record.brand,
    category: record.category,
    ...(record.description === undefined ? {} : { description: record.description }),
    price: {
      amount: /^-?\d+(\.\d+)?$/.test(amount) ? Number(amount) : amount,
      currency: record.priceCurrency,
    },
    ...(backorder === ''
      ? {}
      : { allowBackorder: backorder === 'true' ? true : backorder === 'false' ? false : backorder }),
  };
}

function columnOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'price') return path[1] === 'currency' ? 'priceCurrency' : 'priceAmount';
  return typeof path[0] === 'string' ? path[0] : 'row';
}
