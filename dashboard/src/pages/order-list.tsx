import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { must, readApi } from '../api/clients.ts';
import type { paths } from '../api/read-api.generated.ts';
import { DataTable } from '../components/data-table.tsx';
import { Pager, useKeysetPages } from '../components/keyset-pager.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

type OrderQuery = NonNullable<paths['/staff/orders']['get']['parameters']['query']>;
type Status = NonNullable<OrderQuery['status']>;

const STATUSES: Status[] = [
  'placed',
  'authorized',
  'paid',
  'payment_failed',
  'partially_shipped',
  'shipped',
  'delivered',
  'cancelled',
];

/** Major units as typed ("12.50") to the minor units the API filters by; undefined when blank. */
function minorUnits(text: string | null): number | undefined {
  if (!text) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? Math.round(value * 100) : undefined;
}

/** A day picked in the form (`2026-11-21`) as the start of that day in UTC. */
const dayStart = (day: string | null) => (day ? `${day}T00:00:00Z` : undefined);

/** The filters, kept in the address so a filtered list can be bookmarked and shared. */
function filtersFrom(params: URLSearchParams): Omit<OrderQuery, 'limit' | 'cursor'> {
  const status = params.get('status');
  const to = params.get('to');
  return {
    status: STATUSES.find((known) => known === status),
    customer: params.get('customer') || undefined,
    from: dayStart(params.get('from')),
    // The last day picked is included: before the start of the day after.
    to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : undefined,
    minTotal: minorUnits(params.get('minTotal')),
    maxTotal: minorUnits(params.get('maxTotal')),
  };
}

/** Every order, newest first, filtered by status, placing day, customer and total; keyset pages. */
export function OrderList() {
  const [params, setParams] = useSearchParams();
  return (
    <section aria-labelledby="all-orders">
      <h2 id="all-orders">All orders</h2>
      <form
        className="inline"
        aria-label="Order filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of ['status', 'customer', 'from', 'to', 'minTotal', 'maxTotal']) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          setParams(next);
        }}
      >
        <label>
          Status
          <select name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer <input name="customer" defaultValue={params.get('customer') ?? ''} />
        </label>
        <label>
          Placed from <input name="from" type="date" defaultValue={params.get('from') ?? ''} />
        </label>
        <label>
          Placed until <input name="to" type="date" defaultValue={params.get('to') ?? ''} />
        </label>
        <label>
          Total at least{' '}
          <input
            name="minTotal"
            type="number"
            min={0}
            step="0.01"
            defaultValue={params.get('minTotal') ?? ''}
          />
        </label>
        <label>
          Total at most{' '}
          <input
            name="maxTotal"
            type="number"
            min={0}
            step="0.01"
            defaultValue={params.get('maxTotal') ?? ''}
          />
        </label>
        <button type="submit">Filter</button>
      </form>
      {/* A new filter starts again at the first page. */}
      <OrderPages key={params.toString()} filters={filtersFrom(params)} />
    </section>
  );
}

function OrderPages({ filters }: { filters: Omit<OrderQuery, 'limit' | 'cursor'> }) {
  const pages = useKeysetPages();
  const orders = useQuery({
    queryKey: ['orders', 'list', filters, pages.cursor],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/staff/orders', {
          params: { query: { ...filters, limit: 25, cursor: pages.cursor } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  if (orders.error) return <ProblemMessage error={orders.error} />;
  if (!orders.data) return <Loading what="orders" />;
  return (
    <>
      <DataTable
        caption="Orders, newest first"
        rows={orders.data.items}
        empty="No order matches these filters."
        columns={[
          { header: 'Order', cell: (row) => <Link to={`/orders/${row.orderId}`}>{row.orderId}</Link> },
          { header: 'Status', cell: (row) => row.status.replaceAll('_', ' ') },
          { header: 'Payment', cell: (row) => row.paymentStatus.replaceAll('_', ' ') },
          { header: 'Customer', cell: (row) => row.customerId },
          { header: 'Items', cell: (row) => row.itemCount, numeric: true },
          {
            header: 'Total',
            cell: (row) => formatMoney(row.total.amount, row.total.currency),
            numeric: true,
          },
          { header: 'Placed', cell: (row) => formatTime(row.placedAt) },
        ]}
      />
      <Pager label="Order pages" pages={pages} nextCursor={orders.data.nextCursor} />
    </>
  );
}
