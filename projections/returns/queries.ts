import type { Kysely, Selectable } from 'kysely';
import type { ReturnPolicy } from '../../domain/return-policy/events.ts';
import { defaultReturnPolicy } from '../../domain/return-policy/state.ts';
import type { ReturnStatus } from '../../domain/returns/state.ts';
import { isoTime as iso } from '../batch-write.ts';
import type { ReturnLineView, ReturnsDatabase } from './tables.ts';

const summaryColumns = [
  'return_id',
  'order_id',
  'customer_id',
  'status',
  'status_since',
  'rma_number',
  'reason',
  'opened_by',
  'currency',
  'item_count',
  'received_count',
  'refunded_amount',
  'label',
  'lines',
  'requested_at',
  'updated_at',
] as const;

type Row = Pick<Selectable<ReturnsDatabase['returns']>, (typeof summaryColumns)[number]>;

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** One return as every view answers it (never its internal state). */
function returnSummary(row: Row) {
  return {
    returnId: row.return_id,
    orderId: row.order_id,
    customerId: row.customer_id,
    status: row.status,
    statusSince: iso(row.status_since),
    rmaNumber: row.rma_number,
    reason: row.reason,
    openedBy: row.opened_by,
    itemCount: row.item_count,
    receivedCount: row.received_count,
    refunded: { amount: Number(row.refunded_amount), currency: row.currency },
    label: json(row.label),
    lines: json<ReturnLineView[]>(row.lines),
    requestedAt: iso(row.requested_at),
    updatedAt: iso(row.updated_at),
  };
}

export type ReturnSummary = ReturnType<typeof returnSummary>;

/** A customer's returns, newest first ("my returns"). */
export async function customerReturns(
  db: Kysely<ReturnsDatabase>,
  search: { customerId: string; limit: number },
): Promise<ReturnSummary[]> {
  const rows = await db
    .selectFrom('returns')
    .select(summaryColumns)
    .where('customer_id', '=', search.customerId)
    .orderBy('requested_at', 'desc')
    .orderBy('return_id', 'desc')
    .limit(search.limit)
    .execute();
  return rows.map((row) => returnSummary(row));
}

export interface ReturnQueueSearch {
  /** One status (a queue: `requested` awaits authorization, `authorized` is in transit, ...); all when absent. */
  status?: ReturnStatus | undefined;
  /** Only returns that have been in their status at least this long, counted back from `now`. */
  olderThanMs?: number | undefined;
  /** Only the returns of this order (the order page lists them). */
  orderId?: string | undefined;
  now: Date;
  limit: number;
}

/** The staff RMA queue: returns by status, the longest waiting first. */
export async function returnQueue(
  db: Kysely<ReturnsDatabase>,
  search: ReturnQueueSearch,
): Promise<ReturnSummary[]> {
  let query = db.selectFrom('returns').select(summaryColumns);
  if (search.status) query = query.where('status', '=', search.status);
  if (search.orderId !== undefined) query = query.where('order_id', '=', search.orderId);
  if (search.olderThanMs !== undefined) {
    query = query.where('status_since', '<=', new Date(search.now.getTime() - search.olderThanMs));
  }
  const rows = await query.orderBy('status_since').orderBy('return_id').limit(search.limit).execute();
  return rows.map((row) => returnSummary(row));
}

/** Who a return belongs to (its customer), or undefined when it is unknown. */
export async function returnCustomer(
  db: Kysely<ReturnsDatabase>,
  returnId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('returns')
    .select('customer_id')
    .where('return_id', '=', returnId)
    .executeTakeFirst();
  return row?.customer_id;
}

function stepView(row: Selectable<ReturnsDatabase['return_steps']>) {
  return {
    eventId: row.event_id,
    returnId: row.return_id,
    type: row.event_type,
    summary: row.summary,
    at: iso(row.at),
    by: { id: row.actor_id, role: row.actor_role },
    correlationId: row.correlation_id,
    revision: row.revision,
  };
}

export type ReturnStep = ReturnType<typeof stepView>;

/** One return with each of its steps (who did what, when), oldest first; null when unknown. */
export async function returnDetail(db: Kysely<ReturnsDatabase>, returnId: string) {
  const [row, steps] = await Promise.all([
    db.selectFrom('returns').select(summaryColumns).where('return_id', '=', returnId).executeTakeFirst(),
    db.selectFrom('return_steps').selectAll().where('return_id', '=', returnId).orderBy('revision').execute(),
  ]);
  if (!row) return null;
  return { ...returnSummary(row), steps: steps.map(stepView) };
}

/** Every step of every return of an order, in the order they happened: the order timeline's after-sale part. */
export async function orderReturnSteps(db: Kysely<ReturnsDatabase>, orderId: string): Promise<ReturnStep[]> {
  const rows = await db
    .selectFrom('return_steps')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('event_id')
    .execute();
  return rows.map(stepView);
}

/**
 * The shop's returns policy as last set, with when it was set; the policy every return starts
 * under (`defaultReturnPolicy`, `setAt` null) until staff set one.
 */
export async function currentReturnPolicy(db: Kysely<ReturnsDatabase>) {
  const row = await db
    .selectFrom('return_policy')
    .select(['policy', 'set_at'])
    .where('policy_id', '=', 'shop')
    .executeTakeFirst();
  if (!row) return { ...defaultReturnPolicy, setAt: null };
  return { ...json<ReturnPolicy>(row.policy), setAt: iso(row.set_at) };
}
