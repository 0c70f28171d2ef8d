/** The returns read model's batch fold: pure, in memory, through the domain's own `evolveReturn`. */
import { isReturnPolicyEvent, type ReturnPolicyEvent } from '../../domain/return-policy/events.ts';
import { evolveReturn } from '../../domain/returns/evolve.ts';
import { isReturnEvent, type ReturnEvent } from '../../domain/returns/events.ts';
import type { ExistingReturn } from '../../domain/returns/state.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { eventTime } from '../batch-write.ts';
import { summarizeReturn } from './summary.ts';
import type { ReturnLineView, ReturnPolicyRow, ReturnRow, ReturnStepRow } from './tables.ts';

export type ReturnModel = {
  state: ExistingReturn;
  requestedAt: string;
  updatedAt: string;
  statusSince: string;
  revision: number;
};

export type ReturnsChanges = { returns: ReturnRow[]; steps: ReturnStepRow[]; policy: ReturnPolicyRow[] };

export function returnIds(events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events)
    if (isReturnEvent(event)) ids.add((event.data as { returnId: string }).returnId);
  return [...ids];
}

/**
 * Applies `events` to `models` (the loaded returns, by id). Every return event becomes a step row;
 * the return's columns follow `evolveReturn`, which ignores what cannot apply, as the write side.
 */
export function foldReturns(
  models: Map<string, ReturnModel>,
  events: readonly RecordedEvent[],
): ReturnsChanges {
  const dirty = new Set<string>();
  const steps: ReturnStepRow[] = [];
  // Each policy replaces the one before: only the batch's last is written (one upsert of one row).
  let policy: ReturnPolicyRow | undefined;
  for (const recorded of events) {
    if (isReturnPolicyEvent(recorded)) {
      const event = recorded as unknown as ReturnPolicyEvent;
      policy = {
        policy_id: 'shop',
        policy: event.data.policy,
        set_at: eventTime(recorded),
        revision: recorded.revision,
      };
      continue;
    }
    if (!isReturnEvent(recorded)) continue;
    const event = recorded as unknown as ReturnEvent;
    const { returnId, orderId } = event.data;
    const at = eventTime(recorded);
    const { actor } = recorded.metadata;
    steps.push({
      event_id: recorded.id,
      return_id: returnId,
      order_id: orderId,
      revision: recorded.revision,
      event_type: event.type,
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      summary: summarizeReturn(event),
      correlation_id: recorded.metadata.correlationId,
    });
    const current = models.get(returnId);
    const after = evolveReturn(current?.state ?? { status: 'none' }, event);
    if (after.status === 'none') continue;
    models.set(returnId, {
      // The customer's free text and photos are personal data this model never serves.
      state: { ...after, note: null, photos: [] },
      requestedAt: current?.requestedAt ?? at,
      updatedAt: at,
      statusSince: current && current.state.status === after.status ? current.statusSince : at,
      revision: recorded.revision,
    });
    dirty.add(returnId);
  }
  return {
    returns: [...dirty].map((id) => returnRow(models.get(id)!)),
    steps,
    policy: policy ? [policy] : [],
  };
}

function lineViews(state: ExistingReturn): ReturnLineView[] {
  return state.lines.map((line) => {
    const received = state.receipts
      .flatMap((receipt) => receipt.lines)
      .filter((r) => r.lineId === line.lineId);
    const sum = (disposition?: 'restock' | 'write_off') =>
      received
        .filter((r) => disposition === undefined || r.disposition === disposition)
        .reduce((total, r) => total + r.quantity, 0);
    return {
      lineId: line.lineId,
      sku: line.sku,
      quantity: line.quantity,
      received: sum(),
      restocked: sum('restock'),
      writtenOff: sum('write_off'),
    };
  });
}

export function returnRow({ state, requestedAt, updatedAt, statusSince, revision }: ReturnModel): ReturnRow {
  const lines = lineViews(state);
  return {
    return_id: state.returnId,
    order_id: state.orderId,
    customer_id: state.customerId,
    status: state.status,
    status_since: statusSince,
    rma_number: state.rmaNumber,
    reason: state.reason,
    opened_by: state.openedBy,
    currency: state.currency,
    item_count: lines.reduce((sum, line) => sum + line.quantity, 0),
    received_count: lines.reduce((sum, line) => sum + line.received, 0),
    refunded_amount: state.refunds.reduce((sum, refund) => sum + refund.amount, 0),
    label: state.label,
    lines,
    requested_at: requestedAt,
    updated_at: updatedAt,
    revision,
    state,
  };
}
