/**
 * The returns read model's tables (schema `rm_returns_g<generation>`): one row per return for the
 * customer's list and the staff RMA queues, and one row per return event for the order's timeline.
 */
import type { ReturnPolicy } from '../../domain/return-policy/events.ts';
import type { ReturnLabel, ReturnOpener } from '../../domain/returns/events.ts';
import type { ExistingReturn, ReturnStatus } from '../../domain/returns/state.ts';
import { col, defineTable, type DatabaseOf, type WriteRow } from '../table-declaration.ts';

/** A returned line as the views show it: requested, and what came back of it so far. */
export type ReturnLineView = {
  lineId: string;
  sku: string;
  quantity: number;
  received: number;
  restocked: number;
  writtenOff: number;
};

export const returns = defineTable({
  name: 'returns',
  columns: {
    return_id: col.text(),
    order_id: col.text(),
    customer_id: col.text(),
    status: col.text<ReturnStatus>(),
    /** When the return entered its status: a queue's age is counted from here. */
    status_since: col.timestamptz(),
    rma_number: col.text().nullable(),
    reason: col.text(),
    opened_by: col.text<ReturnOpener>(),
    currency: col.text(),
    item_count: col.integer(),
    received_count: col.integer(),
    /** Minor units of `currency`. */
    refunded_amount: col.bigint(),
    /** The carrier's return label; null without a carrier (the customer got instructions) or before authorization. */
    label: col.json<ReturnLabel>().nullable(),
    lines: col.json<ReturnLineView[]>(),
    requested_at: col.timestamptz(),
    updated_at: col.timestamptz(),
    /** Revision of the return stream last applied. */
    revision: col.integer(),
    /**
     * The domain's own return state, folded with `evolveReturn`, so `status` means what the write
     * side means; without the customer's free text and photos (personal data this model never
     * serves). Internal to the projection: read the columns.
     */
    state: col.json<ExistingReturn>(),
  },
  primaryKey: ['return_id'],
  indexes: [
    // "My returns", newest first.
    { name: 'returns_by_customer_idx', on: ['customer_id', 'requested_at desc', 'return_id desc'] },
    // The staff queues: one status, oldest first.
    { name: 'returns_by_status_idx', on: ['status', 'status_since', 'return_id'] },
    { name: 'returns_by_order_idx', on: ['order_id'] },
  ],
});

/** One row per return event: what happened to which return of which order, when, by whom. */
export const returnSteps = defineTable({
  name: 'return_steps',
  columns: {
    event_id: col.text(),
    return_id: col.text(),
    order_id: col.text(),
    revision: col.integer(),
    event_type: col.text(),
    at: col.timestamptz(),
    actor_id: col.text(),
    actor_role: col.text(),
    /** A short human sentence ("Return received at berlin: 1 restocked, 1 written off"). */
    summary: col.text(),
    correlation_id: col.text(),
  },
  primaryKey: ['event_id'],
  indexes: [
    { name: 'return_steps_order_idx', on: ['order_id', 'at'] },
    { name: 'return_steps_return_idx', on: ['return_id', 'revision'] },
  ],
});

/**
 * The shop's returns policy as last set (`ReturnPolicySet` replaces it whole): one row, keyed
 * `shop` like its stream, absent until a policy was set (the read answers the default then).
 */
export const returnPolicy = defineTable({
  name: 'return_policy',
  columns: {
    policy_id: col.text(),
    policy: col.json<ReturnPolicy>(),
    set_at: col.timestamptz(),
    /** Revision of `returnpolicy-shop` last applied. */
    revision: col.integer(),
  },
  primaryKey: ['policy_id'],
});

/** In DDL order. */
export const returnsTables = [returns, returnSteps, returnPolicy] as const;

export type ReturnsDatabase = DatabaseOf<typeof returnsTables>;
export type ReturnRow = WriteRow<typeof returns>;
export type ReturnStepRow = WriteRow<typeof returnSteps>;
export type ReturnPolicyRow = WriteRow<typeof returnPolicy>;
