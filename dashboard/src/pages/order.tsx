import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { idempotent, must, readApi, writeApi } from '../api/clients.ts';
import { useStreamAt, useStreamEvents } from '../api/streams.ts';
import { useSession } from '../api/use-session.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';

/** An order with its timeline, the actions staff may take, and a slider to see it as it stood at each event. */
export function OrderPage() {
  const { orderId = '' } = useParams();
  const { can } = useSession();
  const order = useQuery({
    queryKey: ['orders', orderId],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/orders/{orderId}', { params: { path: { orderId }, query: {} }, signal })),
  });
  if (order.error) return <ProblemMessage error={order.error} />;
  if (!order.data) return <Loading what={`order ${orderId}`} />;
  const o = order.data;
  return (
    <>
      <h1>Order {o.orderId}</h1>
      <p>
        <span data-testid="order-status">{o.status}</span>, payment {o.paymentStatus}; customer {o.customerId}
        ; {formatMoney(o.total.amount, o.total.currency)} for {o.itemCount} items; placed{' '}
        {formatTime(o.placedAt)}
      </p>
      {can.has('orders:cancel') && o.status !== 'cancelled' ? <CancelOrder orderId={o.orderId} /> : null}
      <DataTable
        caption="Lines"
        rows={o.lines}
        columns={[
          { header: 'SKU', cell: (line) => line.sku },
          { header: 'Quantity', cell: (line) => line.quantity, numeric: true },
          {
            header: 'Unit price',
            cell: (line) => formatMoney(line.unitPrice.amount, line.unitPrice.currency),
            numeric: true,
          },
          {
            header: 'From',
            cell: (line) => line.allocations.map((a) => `${a.quantity} at ${a.location}`).join(', '),
          },
        ]}
      />
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <DataTable
          caption="Timeline"
          rows={o.timeline}
          columns={[
            { header: 'When', cell: (entry) => formatTime(entry.at) },
            { header: 'What', cell: (entry) => entry.summary },
            { header: 'Who', cell: (entry) => `${entry.by.id} (${entry.by.role})` },
          ]}
        />
      </section>
      {can.has('streams:read') ? <TimeTravel orderId={o.orderId} /> : null}
    </>
  );
}

function CancelOrder({ orderId }: { orderId: string }) {
  const queries = useQueryClient();
  const cancel = useMutation({
    mutationFn: async () =>
      must(
        await (
          await writeApi()
        ).POST('/orders/{orderId}/cancel', {
          params: { path: { orderId }, header: idempotent() },
          body: { note: 'cancelled from the dashboard' },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['orders', orderId] }),
  });
  return (
    <p>
      <button
        type="button"
        disabled={cancel.isPending}
        onClick={() => {
          if (window.confirm(`Cancel order ${orderId}? Its stock is released.`)) cancel.mutate();
        }}
      >
        Cancel order
      </button>
      <ProblemMessage error={cancel.error} />
    </p>
  );
}

function TimeTravel({ orderId }: { orderId: string }) {
  const stream = `order-${orderId}`;
  const events = useStreamEvents(stream);
  const [index, setIndex] = useState<number | null>(null);
  const list = events.data?.events ?? [];
  const chosen = list[index ?? list.length - 1];
  const at = useStreamAt(stream, chosen ? chosen.position : null);
  if (events.error) return <ProblemMessage error={events.error} />;
  if (!events.data) return <Loading what="the order's history" />;
  return (
    <section aria-labelledby="travel">
      <h2 id="travel">Time travel</h2>
      <label>
        The order as it stood after event{' '}
        <input
          type="range"
          min={0}
          max={Math.max(0, list.length - 1)}
          value={index ?? list.length - 1}
          onChange={(event) => setIndex(Number(event.target.value))}
          aria-valuetext={chosen ? `${chosen.type} at ${formatTime(chosen.occurredAt)}` : undefined}
          data-testid="time-travel"
        />
      </label>
      {chosen ? (
        <p data-testid="time-travel-event">
          {(index ?? list.length - 1) + 1} of {list.length}: {chosen.type} at {formatTime(chosen.occurredAt)}{' '}
          by {chosen.actor.id} ({chosen.actor.role})
        </p>
      ) : null}
      <ProblemMessage error={at.error} />
      {at.data ? (
        <>
          <pre data-testid="time-travel-state">{JSON.stringify(at.data.state, null, 2)}</pre>
          <h3>Who changed it until then</h3>
          <DataTable
            caption="Who changed it"
            rows={at.data.changedBy}
            columns={[
              { header: 'Who', cell: (row) => `${row.actor.id} (${row.actor.role})` },
              { header: 'Events', cell: (row) => row.events, numeric: true },
              { header: 'Last', cell: (row) => formatTime(row.lastAt) },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
