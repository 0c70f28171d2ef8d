import { sql, type Kysely } from 'kysely';
import { isoTime as iso } from '../batch-write.ts';
import type { CartLineEntry, CartsDatabase } from './tables.ts';

/** Carts started in a period, how many were checked out, abandoned, reminded and recovered. */
export interface CartFunnel {
  currency: string;
  /** Carts started in the period that got a line (merged carts left out: they live on in another). */
  started: number;
  checkedOut: number;
  /** Open with lines, untouched since before `idleBefore`. */
  abandoned: number;
  /** What the abandoned carts hold, at the prices their lines were put in, in minor units. */
  abandonedValue: number;
  /** Carts a reminder went to (`CartReminderSent`). */
  reminded: number;
  /** Checked out after a reminder (none is sent to a checked-out cart, so it came before). */
  recovered: number;
}

export interface CartFunnelQuery {
  /** Carts created at or after (ISO). */
  from: string;
  /** Carts created before (ISO). */
  to: string;
  /** A cart untouched since before this is abandoned (now less the first reminder step). */
  idleBefore: string;
}

/** One row per currency, carts of each currency counted apart (their values do not add up). */
export async function cartFunnel(db: Kysely<CartsDatabase>, query: CartFunnelQuery): Promise<CartFunnel[]> {
  const hasLines = sql<boolean>`jsonb_array_length(lines) > 0`;
  const abandoned = sql<boolean>`status = 'open' and ${hasLines} and updated_at < ${query.idleBefore}::timestamptz`;
  const rows = await db
    .selectFrom('carts')
    .select([
      'currency',
      sql<string>`count(*) filter (where ${hasLines} or status = 'checked_out')`.as('started'),
      sql<string>`count(*) filter (where status = 'checked_out')`.as('checked_out'),
      sql<string>`count(*) filter (where ${abandoned})`.as('abandoned'),
      sql<string>`coalesce(sum((select sum((line->>'quantity')::bigint * (line->>'unitPrice')::bigint)
        from jsonb_array_elements(lines) as line)) filter (where ${abandoned}), 0)`.as('abandoned_value'),
      sql<string>`count(*) filter (where reminder_sent)`.as('reminded'),
      sql<string>`count(*) filter (where reminder_sent and status = 'checked_out')`.as('recovered'),
    ])
    .where('status', '<>', 'merged')
    .where('created_at', '>=', sql<Date>`${query.from}::timestamptz`)
    .where('created_at', '<', sql<Date>`${query.to}::timestamptz`)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({
    currency: row.currency,
    started: Number(row.started),
    checkedOut: Number(row.checked_out),
    abandoned: Number(row.abandoned),
    abandonedValue: Number(row.abandoned_value),
    reminded: Number(row.reminded),
    recovered: Number(row.recovered),
  }));
}

export interface StaffCart {
  cartId: string;
  /** `null` for a guest's cart. */
  customerId: string | null;
  status: 'open' | 'merged' | 'checked_out';
  currency: string;
  lines: number;
  units: number;
  /** At the prices the lines were put in, minor units. */
  value: number;
  reminderSent: boolean;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Carts for staff, the most recently changed first, without personal data (no email or address:
 * the storefront's own views show those to the shopper).
 */
export async function staffCarts(
  db: Kysely<CartsDatabase>,
  query: { status?: 'open' | 'merged' | 'checked_out'; limit: number },
): Promise<StaffCart[]> {
  let select = db
    .selectFrom('carts')
    .select([
      'cart_id',
      'customer_id',
      'status',
      'currency',
      'lines',
      'reminder_sent',
      'order_id',
      'created_at',
      'updated_at',
    ])
    .orderBy('updated_at', 'desc')
    .orderBy('cart_id')
    .limit(query.limit);
  if (query.status) select = select.where('status', '=', query.status);
  const rows = await select.execute();
  return rows.map((row) => {
    const lines = (typeof row.lines === 'string' ? JSON.parse(row.lines) : row.lines) as CartLineEntry[];
    return {
      cartId: row.cart_id,
      customerId: row.customer_id,
      status: row.status,
      currency: row.currency,
      lines: lines.length,
      units: lines.reduce((sum, line) => sum + line.quantity, 0),
      value: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      reminderSent: row.reminder_sent,
      orderId: row.order_id,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  });
}
