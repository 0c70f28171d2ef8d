import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { idempotent, must, readApi, writeApi } from '../api/clients.ts';
import { useLastWrite } from '../api/last-write.ts';
import { useOrderCommand } from '../api/order-command.ts';
import type { components } from '../api/read-api.generated.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

type Order = components['schemas']['OrderDetail'];
type Return = components['schemas']['QueuedReturn'];

const statusWords: Record<Return['status'], string> = {
  requested: 'requested, awaiting authorization',
  authorized: 'authorized, in transit',
  rejected: 'rejected',
  partially_received: 'partly received',
  received: 'received',
};

/**
 * The order's returns (staff with `returns:manage`): a return opened for the customer from a
 * delivered order, and each return's next step as its status allows: authorize or reject a
 * requested one, record what came back of an authorized one. The refund follows by itself.
 */
export function OrderReturns({ order }: { order: Order }) {
  const after = useLastWrite();
  const returns = useQuery({
    queryKey: ['orders', order.orderId, 'returns', after],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/returns', {
          params: { query: { orderId: order.orderId, limit: 100, after } },
          signal,
        }),
      ).items,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === order.orderId ? previous : undefined,
  });
  return (
    <section aria-labelledby="returns">
      <h3 id="returns">Returns</h3>
      <ProblemMessage error={returns.error} />
      {returns.data ? (
        <>
          <DataTable
            caption="Returns of this order"
            rows={returns.data}
            empty="No return was opened for this order."
            columns={[
              { header: 'Return', cell: (row) => row.returnId },
              { header: 'Status', cell: (row) => statusWords[row.status] },
              { header: 'RMA', cell: (row) => row.rmaNumber ?? '—' },
              { header: 'Reason', cell: (row) => row.reason },
              {
                header: 'Items',
                cell: (row) => row.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', '),
              },
              { header: 'Received', cell: (row) => row.receivedCount, numeric: true },
              {
                header: 'Refunded',
                cell: (row) => formatMoney(row.refunded.amount, row.refunded.currency),
                numeric: true,
              },
              { header: 'Requested', cell: (row) => formatTime(row.requestedAt) },
            ]}
          />
          {returns.data.map((row) => (
            <ReturnStep key={row.returnId} order={order} row={row} />
          ))}
        </>
      ) : returns.error ? null : (
        <Loading what="the order's returns" />
      )}
      {order.status === 'delivered' ? <OpenReturn order={order} /> : null}
    </section>
  );
}

/** The step a return's status allows, if any. */
function ReturnStep({ order, row }: { order: Order; row: Return }) {
  if (row.status === 'requested') return <AuthorizeOrReject orderId={order.orderId} row={row} />;
  if (row.status === 'authorized' || row.status === 'partially_received') {
    return <ReceiveReturn order={order} row={row} />;
  }
  return null;
}

function OpenReturn({ order }: { order: Order }) {
  const open = useOrderCommand(
    order.orderId,
    async (body: { lines: { lineId: string; quantity: number }[]; reason: string; note: string | null }) =>
      must(
        await (
          await writeApi()
        ).POST('/orders/{orderId}/returns', {
          params: { path: { orderId: order.orderId }, header: idempotent() },
          body: { ...body, photos: [] },
        }),
      ),
  );
  // The reasons staff pick from are the policy's in force (the shop may have set its own).
  const policy = useQuery({
    queryKey: ['returns', 'policy'],
    queryFn: async ({ signal }) => must(await readApi.GET('/returns/policy', { signal })),
  });
  const [empty, setEmpty] = useState(false);
  const lines = order.lines.filter((line) => line.quantity > 0);
  if (!policy.data) {
    return policy.error ? <ProblemMessage error={policy.error} /> : <Loading what="the returns policy" />;
  }
  const reasons = policy.data.reasons;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = lines
      .map((line) => ({ lineId: line.lineId, quantity: Number(formText(form, `return-${line.lineId}`)) }))
      .filter((line) => line.quantity > 0);
    setEmpty(chosen.length === 0);
    if (chosen.length === 0) return;
    const reason = formText(form, 'reason');
    const count = chosen.reduce((sum, line) => sum + line.quantity, 0);
    if (!window.confirm(`Open a return of ${count} items of order ${order.orderId} (${reason})?`)) return;
    open.mutate({ lines: chosen, reason, note: formText(form, 'note') || null });
  };
  return (
    <form onSubmit={submit} aria-label="Open return" className="inline">
      {lines.map((line) => (
        <label key={line.lineId}>
          {line.sku} to return
          <input
            name={`return-${line.lineId}`}
            type="number"
            min={0}
            max={line.quantity}
            step={1}
            defaultValue={0}
          />
        </label>
      ))}
      <label>
        Reason
        <select name="reason" defaultValue={reasons[0]}>
          {reasons.map((reason) => (
            <option key={reason} value={reason}>
              {reason.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note <input name="note" maxLength={2000} />
      </label>
      <button type="submit" disabled={open.isPending}>
        Open return
      </button>
      {empty ? (
        <p role="alert" className="problem">
          Choose at least one item to return.
        </p>
      ) : null}
      <ProblemMessage error={open.error} />
      {open.isSuccess ? <span role="status">Return opened.</span> : null}
    </form>
  );
}

function AuthorizeOrReject({ orderId, row }: { orderId: string; row: Return }) {
  const path = { returnId: row.returnId };
  const authorize = useOrderCommand(orderId, async () =>
    must(
      await (
        await writeApi()
      ).POST('/returns/{returnId}/authorize', {
        params: { path, header: idempotent() },
        body: { note: null },
      }),
    ),
  );
  const reject = useOrderCommand(orderId, async (reason: string) =>
    must(
      await (
        await writeApi()
      ).POST('/returns/{returnId}/reject', { params: { path, header: idempotent() }, body: { reason } }),
    ),
  );
  const submitReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), 'reason');
    if (window.confirm(`Reject return ${row.returnId}? Its items may be returned again.`))
      reject.mutate(reason);
  };
  const busy = authorize.isPending || reject.isPending;
  return (
    <div role="group" aria-label={`Return ${row.returnId}`}>
      <p className="inline">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Authorize return ${row.returnId}? Its RMA number goes to the customer.`)) {
              authorize.mutate(undefined);
            }
          }}
        >
          Authorize return {row.returnId}
        </button>
        <ProblemMessage error={authorize.error} />
      </p>
      <form onSubmit={submitReject} aria-label={`Reject return ${row.returnId}`} className="inline">
        <label>
          Why rejected <input name="reason" required maxLength={1000} />
        </label>
        <button type="submit" disabled={busy}>
          Reject
        </button>
        <ProblemMessage error={reject.error} />
      </form>
    </div>
  );
}

interface Receipt {
  location: string;
  lines: { lineId: string; quantity: number; disposition: 'restock' | 'write_off' }[];
}

function ReceiveReturn({ order, row }: { order: Order; row: Return }) {
  const locations = [...new Set(order.lines.flatMap((line) => line.allocations.map((a) => a.location)))];
  const receive = useOrderCommand(order.orderId, async (body: Receipt) =>
    must(
      await (
        await writeApi()
      ).POST('/returns/{returnId}/receipts', {
        params: { path: { returnId: row.returnId }, header: idempotent() },
        body: {
          location: body.location,
          lines: body.lines.map((line) => ({
            ...line,
            restockLocation: null,
            adjustmentReason: line.disposition === 'write_off' ? ('damage' as const) : null,
            note: null,
          })),
        },
      }),
    ),
  );
  const waiting = row.lines.filter((line) => line.quantity > line.received);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lines = waiting
      .map((line) => ({
        lineId: line.lineId,
        quantity: Number(formText(form, `received-${line.lineId}`)),
        disposition:
          formText(form, `disposition-${line.lineId}`) === 'write_off'
            ? ('write_off' as const)
            : ('restock' as const),
      }))
      .filter((line) => line.quantity > 0);
    if (lines.length === 0) return;
    const location = formText(form, 'location');
    const count = lines.reduce((sum, line) => sum + line.quantity, 0);
    if (!window.confirm(`Record ${count} items of return ${row.returnId} received at ${location}?`)) return;
    receive.mutate({ location, lines });
  };
  return (
    <form onSubmit={submit} aria-label={`Receive return ${row.returnId}`} className="inline">
      <label>
        Received at
        <select name="location" defaultValue={locations[0]}>
          {locations.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {waiting.map((line) => (
        <span key={line.lineId}>
          <label>
            {line.sku} received
            <input
              name={`received-${line.lineId}`}
              type="number"
              min={0}
              max={line.quantity - line.received}
              step={1}
              defaultValue={line.quantity - line.received}
            />
          </label>
          <label>
            {line.sku} goes
            <select name={`disposition-${line.lineId}`} defaultValue="restock">
              <option value="restock">back on the shelf</option>
              <option value="write_off">written off (damaged)</option>
            </select>
          </label>
        </span>
      ))}
      <button type="submit" disabled={receive.isPending}>
        Record receipt
      </button>
      <ProblemMessage error={receive.error} />
    </form>
  );
}
