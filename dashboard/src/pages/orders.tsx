import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { must, readApi } from '../api/clients.ts';
import { useSession } from '../api/use-session.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { useLive } from '../live/live-context.tsx';
import { formText } from '../components/text.ts';
import { OrderList } from './order-list.tsx';

/**
 * Every order (filtered, keyset pages), find one by id, the orders placed since the page opened
 * (live), and the orders staff acted on (the audit trail).
 */
export function OrdersPage() {
  const navigate = useNavigate();
  const { feed } = useLive();
  const { can } = useSession();
  const placed = feed.flatMap((event) => (event.kind === 'order-placed' ? [event.data] : []));
  return (
    <>
      <h1>Orders</h1>
      <form
        className="inline"
        aria-label="Open an order"
        onSubmit={(event) => {
          event.preventDefault();
          const id = formText(new FormData(event.currentTarget), 'orderId');
          if (id) void navigate(`/orders/${encodeURIComponent(id)}`);
        }}
      >
        <label>
          Order id <input name="orderId" required />
        </label>
        <button type="submit">Open</button>
      </form>
      <OrderList />
      <section aria-labelledby="new">
        <h2 id="new">Placed since you opened the dashboard</h2>
        <DataTable
          caption="New orders"
          rows={placed}
          empty="No new orders yet; they appear here as they are placed."
          columns={[
            { header: 'Order', cell: (row) => <Link to={`/orders/${row.orderId}`}>{row.orderId}</Link> },
            { header: 'Customer', cell: (row) => row.customerId },
            {
              header: 'Total',
              cell: (row) => formatMoney(row.total.amount, row.total.currency),
              numeric: true,
            },
            { header: 'Placed', cell: (row) => formatTime(row.at) },
          ]}
        />
      </section>
      {can.has('audit:read') ? <StaffOrderActions /> : null}
    </>
  );
}

function StaffOrderActions() {
  const actions = useQuery({
    queryKey: ['orders', 'audit'],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/staff/audit', { params: { query: { entityType: 'order', limit: 50 } }, signal }),
      ).items,
  });
  return (
    <section aria-labelledby="acted">
      <h2 id="acted">Orders staff acted on</h2>
      <ProblemMessage error={actions.error} />
      {actions.data ? (
        <DataTable
          caption="Staff actions on orders"
          rows={actions.data}
          columns={[
            { header: 'Order', cell: (row) => <Link to={`/orders/${row.entity.id}`}>{row.entity.id}</Link> },
            { header: 'Action', cell: (row) => row.action },
            { header: 'By', cell: (row) => row.actor.id },
            { header: 'When', cell: (row) => formatTime(row.at) },
          ]}
        />
      ) : (
        <Loading what="order actions" />
      )}
    </section>
  );
}
