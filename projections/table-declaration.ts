/**
 * A read-model table declared once. The Kysely table type (what queries read), the write path's row
 * type (what a fold must produce), the column types the set-wise writers cast with, and the DDL
 * (`createTables`) are all derived from one `defineTable`, so a column added in one place and not
 * another is a compile error at the mapper, not a runtime error in a projector.
 */
import type { ColumnType } from 'kysely';
import type { ColumnTypes } from './batch-write.ts';

/** A type the write path can cast to (`ColumnTypes`), or one only a generated column has. */
export type SqlType = ColumnTypes[string] | 'tsvector';

declare const phantom: unique symbol;

/**
 * One column. The type parameters exist only for the compiler: what Kysely selects, inserts and
 * updates (`Select`, `Insert`, `Update`) and what a fold writes through `batch-write` (`Write`).
 */
export interface Column<Select, Insert, Update, Write> {
  readonly sqlType: SqlType;
  readonly notNull: boolean;
  /** The expression of a `generated always as (...) stored` column: never written, only read. */
  readonly generated: string | undefined;
  readonly [phantom]: { select: Select; insert: Insert; update: Update; write: Write };
  /** The column may be null (in PostgreSQL, in Kysely and in the rows a fold writes). */
  nullable(): Column<Select | null, Insert | null, Update | null, Write | null>;
  /** PostgreSQL computes the column from `expression`; writes leave it out. */
  generatedAs(expression: string): GeneratedColumn<Select>;
}

/** A generated column: read like any other, absent from inserts, updates and write rows. */
export type GeneratedColumn<Select> = Column<Select, never, never, never> & { readonly generated: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any column, whatever its types
export type AnyColumn = Column<any, any, any, any>;

function column<Select, Insert = Select, Update = Insert, Write = Select>(
  sqlType: SqlType,
  notNull = true,
  generated?: string,
): Column<Select, Insert, Update, Write> {
  const spec = {
    sqlType,
    notNull,
    generated,
    nullable: () => column(sqlType, false, generated),
    generatedAs: (expression: string) => column(sqlType, notNull, expression),
  };
  // The phantom member carries types only; nothing reads it at run time.
  return spec as unknown as Column<Select, Insert, Update, Write>;
}

/**
 * Column builders, one per PostgreSQL type the read models use. Columns are `not null` unless
 * `.nullable()`. The write types are what folds produce: numbers (or decimal text) for `bigint`,
 * ISO strings for `timestamptz`, the value itself (not its JSON text) for `json` and `jsonb`.
 */
export const col = {
  /** `text`; `T` narrows it to a union of literals (a status). */
  text: <T extends string = string>() => column<T>('text'),
  integer: () => column<number>('integer'),
  /**
   * Read back as a string from `pg`, a number from PGlite (`toNumber` normalises). Written as a
   * number, or as decimal text where a number would lose digits (a log position).
   */
  bigint: () => column<string | number, number | string, number | string, number | string>('bigint'),
  double: () => column<number>('double precision'),
  boolean: () => column<boolean>('boolean'),
  json: <T>() => column<T, string | T, string | T, T>('json'),
  jsonb: <T>() => column<T, string | T, string | T, T>('jsonb'),
  timestamptz: () => column<Date, string | Date, string | Date, string>('timestamptz'),
  /** Only ever generated (a search vector): read as its text form. */
  tsvector: (expression: string) => column<string>('tsvector').generatedAs(expression),
};

/**
 * An index beside its table. Each key is a column, or a column followed by its order or operator
 * class (`placed_at desc`, `search_text gin_trgm_ops`), so a renamed column breaks the index here.
 */
export interface IndexDeclaration<Name extends string = string> {
  name: string;
  on: readonly (Name | `${Name} ${string}`)[];
  unique?: boolean;
  using?: 'gin';
  /** A partial index's predicate, as SQL. */
  where?: string;
}

export interface TableDeclaration<
  Name extends string = string,
  Columns extends Record<string, AnyColumn> = Record<string, AnyColumn>,
  Key extends keyof Columns & string = keyof Columns & string,
> {
  readonly name: Name;
  /** In the order of the DDL. */
  readonly columns: Columns;
  /**
   * Declared on the table, not on a column, so a composite key reads the same as a single one; also
   * the key the write path upserts, appends and updates by.
   */
  readonly primaryKey: readonly Key[];
  readonly indexes: readonly IndexDeclaration<keyof Columns & string>[];
  /** The written (not generated) columns' types, in declaration order: what `batch-write` casts with. */
  readonly types: ColumnTypes;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, whatever its columns
export type AnyTable = TableDeclaration<string, any, string>;

export function defineTable<
  const Name extends string,
  // `unknown`, not `any`: a builder called without its type argument must not infer `any` from here.
  const Columns extends Record<string, Column<unknown, unknown, unknown, unknown>>,
  const Key extends keyof Columns & string,
>(declaration: {
  name: Name;
  columns: Columns;
  primaryKey: readonly Key[];
  indexes?: readonly IndexDeclaration<NoInfer<keyof Columns & string>>[];
}): TableDeclaration<Name, Columns, Key> {
  const types: ColumnTypes = {};
  for (const [name, { sqlType, generated }] of Object.entries(declaration.columns)) {
    // Only a generated column can be a `tsvector` (`col.tsvector`), so what is written casts.
    if (generated === undefined) types[name] = sqlType as ColumnTypes[string];
  }
  return { ...declaration, indexes: declaration.indexes ?? [], types };
}

type Types<C> = C extends Column<infer S, infer I, infer U, infer W> ? { s: S; i: I; u: U; w: W } : never;

/** The Kysely table interface of a declaration (use it with `Selectable`, `Insertable`, ...). */
export type KyselyTable<T extends AnyTable> = {
  [K in keyof T['columns']]: ColumnType<
    Types<T['columns'][K]>['s'],
    Types<T['columns'][K]>['i'],
    Types<T['columns'][K]>['u']
  >;
};

/** The Kysely database of a read model's tables, by table name. */
export type DatabaseOf<Tables extends readonly AnyTable[]> = {
  [T in Tables[number] as T['name']]: KyselyTable<T>;
};

type WrittenKeys<T extends AnyTable> = {
  [K in keyof T['columns']]: T['columns'][K]['generated'] extends string ? never : K;
}[keyof T['columns']];

/** A row as the write path takes it: every written column, none missing, none extra. */
export type WriteRow<T extends AnyTable> = { [K in WrittenKeys<T>]: Types<T['columns'][K]>['w'] };
