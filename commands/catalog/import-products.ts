import { productDecider, type ProductCommand, type ProductState } from '../../domain/catalog/index.ts';
import { sameDetail } from '../../domain/catalog/validate-product.ts';
import type { ProductDetails, ProductEvent } from '../../domain/catalog/events.ts';
import type { Decider } from '../../domain/decider.ts';
import { isDomainError, ValidationFailed } from '../../domain/errors.ts';
import { equals } from '../../domain/money.ts';
import { productStream } from '../../domain/streams.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { createProduct, type CreateProductInput } from './create-product.ts';

/** One product row of an import, already checked against the create schema; `row` is its line. */
export interface ProductImportRow {
  row: number;
  product: CreateProductInput;
  /**
   * The detail fields the file gives: a field it leaves out takes its default on a create and
   * keeps its value on an update (a file without `description` never blanks one).
   */
  given: ReadonlySet<string>;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** A refused row, named by its column in the file (`priceAmount`, not `price.amount`). */
export interface RowFailure {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface ProductImportOptions {
  /** The importer holds `prices:write`: without it a row that changes a price is refused. */
  mayChangePrices: boolean;
  /** The time each row is decided at (its events' `occurredAt`): an import runs for a while. */
  now: () => string;
  /** Every row's outcome, in file order, as it is decided. */
  onRow: (outcome: RowOutcome | RowFailure) => void;
  /** A failure that is not a refusal (the store is down): logged by the caller, the row reported. */
  onUnexpected?: (error: unknown, row: number) => void;
}

const details = ['name', 'description', 'brand', 'category', 'allowBackorder'] as const;

/**
 * Runs an import's rows through the catalog's own commands, one row at a time: an unknown product
 * is created (claiming its SKU), a known one gets one append holding an `UpdateProduct` for the
 * details that differ and a `ChangePrice` when the price does, and an equal one appends nothing, so
 * running the same file again appends nothing. Each row is decided on the state it was compared
 * with (pinned to that revision): an edit that lands meanwhile refuses the row rather than being
 * overwritten. A refused row is reported and the next one runs.
 */
export async function importProducts(
  runtime: CommandRuntime,
  rows: readonly ProductImportRow[],
  context: CommandContext,
  options: ProductImportOptions,
): Promise<void> {
  for (const { row, product, given } of rows) {
    try {
      const rowContext = { ...context, now: options.now() };
      options.onRow(await importRow(runtime, product, given, rowContext, options.mayChangePrices));
    } catch (error) {
      if (!isDomainError(error) && !(error instanceof WrongExpectedRevision)) {
        options.onUnexpected?.(error, row);
      }
      options.onRow(failure(row, error));
    }
  }
}

async function importRow(
  runtime: CommandRuntime,
  product: CreateProductInput,
  given: ReadonlySet<string>,
  context: CommandContext,
  mayChangePrices: boolean,
): Promise<RowOutcome> {
  const stream = productStream(product.productId);
  const loaded = await loadAggregate(
    runtime.store,
    productDecider as Decider<unknown, ProductEvent, ProductState>,
    stream,
    runtime.cache,
    false,
    runtime.upcasters,
  );
  const state = loaded.state;
  if (state.status === 'absent') {
    await createProduct(runtime, product, context);
    return 'created';
  }
  const current = state.product;
  if (current.sku !== product.sku) {
    throw new ValidationFailed('sku', `cannot change: product ${product.productId} has SKU ${current.sku}`);
  }
  const changes: Partial<ProductDetails> = {};
  for (const field of details) {
    if (given.has(field) && !sameDetail(field, current[field], product[field]))
      Object.assign(changes, { [field]: product[field] });
  }
  const commands: ProductCommand[] = [];
  if (Object.keys(changes).length > 0) {
    commands.push({ type: 'UpdateProduct', data: { productId: product.productId, changes } });
  }
  if (!equals(current.price, product.price)) {
    if (!mayChangePrices)
      throw new ValidationFailed('price', 'differs, and changing a price needs prices:write');
    commands.push({
      type: 'ChangePrice',
      data: { productId: product.productId, price: product.price, reason: 'catalog import' },
    });
  }
  if (commands.length === 0) return 'unchanged';
  await handleCommand(runtime, productDecider, stream, commands, context, {
    expectedRevision: loaded.revision ?? -1,
  });
  return 'updated';
}

/** The CSV column a domain field comes from (`changes.name` of an update is the `name` column). */
function columnOf(path: string): string {
  const field = path.replace(/^changes\./, '');
  if (!field.startsWith('price')) return field;
  return /currency/i.test(field) ? 'priceCurrency' : 'priceAmount';
}

function failure(row: number, error: unknown): RowFailure {
  if (error instanceof WrongExpectedRevision) {
    return {
      row,
      field: 'productId',
      code: 'conflict',
      message: 'the product changed while this row was imported; run the import again',
    };
  }
  if (isDomainError(error)) {
    const named = (error.details as { field?: unknown }).field;
    const field =
      typeof named === 'string'
        ? columnOf(named)
        : error.code === 'currency_mismatch'
          ? 'priceCurrency'
          : error.code === 'sku_already_used'
            ? 'sku'
            : 'productId';
    return { row, field, code: error.code, message: error.message };
  }
  return {
    row,
    field: 'productId',
    code: 'unavailable',
    message: 'could not be saved (the event store did not answer); run the import again',
  };
}
