import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { must, readApi } from '../api/clients.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { CartFunnelCards } from './cart-funnel.tsx';

type Status = 'open' | 'checked_out' | 'merged';
const statusWords: Record<Status, string> = { open: 'open', checked_out: 'checked out', merged: 'merged' };

/** The cart funnel (abandonment and recovery) and the carts, newest change first, filtered by status. */
export function CartsPage() {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status = chosen === 'open' || chosen === 'checked_out' || chosen === 'merged' ? chosen : undefined;
  const carts = useQuery({
    queryKey: ['carts', 'list', status ?? 'all'],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/admin/carts', {
          params: { query: { limit: 100, ...(status ? { status } : {}) } },
          signal,
        }),
      ).items,
  });
  return (
    <>
      <h1>Carts</h1>
      <CartFunnelCards days={30} heading="h2" />
      <section aria-labelledby="cart-list">
        <h2 id="cart-list">Carts, most recently changed first</h2>
        <label>
          Status{' '}
          <select
            value={status ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          >
            <option value="">any</option>
            <option value="open">open</option>
            <option value="checked_out">checked out</option>
            <option value="merged">merged</option>
          </select>
        </label>
        <ProblemMessage error={carts.error} />
        {carts.data ? (
          <DataTable
            caption="Carts"
            rows={carts.data}
            empty="No carts."
            columns={[
              { header: 'Cart', cell: (row) => row.cartId },
              { header: 'Customer', cell: (row) => row.customerId ?? 'guest' },
              { header: 'Status', cell: (row) => statusWords[row.status] },
              { header: 'Units', cell: (row) => row.units, numeric: true },
              { header: 'Value', cell: (row) => formatMoney(row.value, row.currency), numeric: true },
              { header: 'Reminded', cell: (row) => (row.reminderSent ? 'yes' : 'no') },
              { header: 'Order', cell: (row) => row.orderId ?? '—' },
              { header: 'Last change', cell: (row) => formatTime(row.updatedAt) },
            ]}
          />
        ) : (
          <Loading what="carts" />
        )}
      </section>
    </>
  );
}
