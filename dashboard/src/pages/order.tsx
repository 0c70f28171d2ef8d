import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { must, readApi } from '../api/clients.ts';
import { useStreamAt, useStreamEvents } from '../api/streams.ts';
import { useLastWrite } from '../api/last-write.ts';
import { useSession } from '../api/use-session.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { cellText } from '../components/text.ts';
import { OrderActions } from './order-actions.tsx';

/** An order with its timeline, the actions staff may take, and a slider to see it as it stood at each event. */
export function OrderPage() {
  const { orderId = '' } = useParams();
  const { can } = useSession();
  const after = useLastWrite();
  const order = useQuery({
    queryKey: ['orders', orderId, after],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/orders/{orderId}', { params: { path: { orderId }, query: { after } }, signal }),
      ),
    // Read again after each action (a new `after`), the page stays as it was until the answer comes,
    // so the action's form keeps its "done" message and nothing flashes; never another order's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === orderId ? previous : undefined,
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
        {formatTime(o.placedAt)}; captured{' '}
        {formatMoney(o.payment.captured.amount, o.payment.captured.currency)}, refunded{' '}
        <span data-testid="order-refunded">
          {formatMoney(o.payment.refunded.amount, o.payment.refunded.currency)}
        </span>
      </p>
      <OrderActions order={o} />
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
      {o.shipments.length > 0 ? (
        <section aria-labelledby="shipments">
          <h2 id="shipments">Shipments</h2>
          <DataTable
            caption="Shipments"
            rows={o.shipments}
            columns={[
              { header: 'From', cell: (row) => cellText(row.location) },
              { header: 'Carrier', cell: (row) => cellText(row.carrier) },
              { header: 'Tracking number', cell: (row) => cellText(row.trackingNumber) },
              { header: 'Shipped', cell: (row) => formatTime(cellText(row.shippedAt)) },
            ]}
          />
        </section>
      ) : null}
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
          {/* Focusable: a long state scrolls, and the keyboard must reach what is scrolled away. */}
          <pre data-testid="time-travel-state" tabIndex={0} aria-label="The order's state then">
            {JSON.stringify(at.data.state, null, 2)}
          </pre>
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
