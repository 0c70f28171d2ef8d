import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { must, readApi, writeApi } from '../api/clients.ts';
import { noteWrite } from '../api/last-write.ts';
import { useSession } from '../api/use-session.ts';
import { DataTable } from '../components/data-table.tsx';
import { Chart } from '../components/lazy-chart.tsx';
import { formatMoney, formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

const fetchProduct = async (productId: string, signal: AbortSignal) =>
  must(await readApi.GET('/products/{productId}', { params: { path: { productId } }, signal }));
type Product = Awaited<ReturnType<typeof fetchProduct>>;
type PricePoint = Product['priceHistory'][number];

/**
 * A product: its details and availability per location, its price history as a chart (with the EU
 * 30-day lowest price beside the current one) and a table, and the edit and price forms. Both forms
 * send the revision the page was loaded at as `If-Match`: a product changed meanwhile is refused
 * (409) and the page says so in plain words, rather than one edit silently replacing another.
 */
export function ProductPage() {
  const productId = useParams().productId ?? '';
  const { can } = useSession();
  const product = useQuery({
    queryKey: ['catalog', 'product', productId],
    queryFn: ({ signal }) => fetchProduct(productId, signal),
  });
  if (product.error) return <ProblemMessage error={product.error} />;
  if (!product.data) return <Loading what="the product" />;
  const p = product.data;
  return (
    <>
      <h1>{p.name}</h1>
      <p>
        {p.sku} · {p.brand} · {p.category} · {p.status}
        {p.discontinuedReason ? ` (${p.discontinuedReason})` : ''} · revision {p.revision}
      </p>
      <p>
        Price <strong>{formatMoney(p.price.amount, p.price.currency)}</strong> since{' '}
        {formatTime(p.priceSince)}; lowest in the 30 days before:{' '}
        {p.lowestPrice30d
          ? formatMoney(p.lowestPrice30d.amount, p.lowestPrice30d.currency)
          : 'none (no earlier price)'}
      </p>
      <PriceHistory product={p} />
      <section aria-labelledby="availability">
        <h2 id="availability">Availability</h2>
        <DataTable
          caption="Availability per location"
          rows={p.availability.locations}
          empty="No stock anywhere."
          columns={[
            { header: 'Location', cell: (row) => row.locationName ?? row.location },
            { header: 'On hand', cell: (row) => row.onHand, numeric: true },
            { header: 'Reserved', cell: (row) => row.reserved, numeric: true },
            { header: 'Available', cell: (row) => row.available, numeric: true },
          ]}
        />
      </section>
      {can.has('catalog:write') ? <EditProduct product={p} /> : null}
      {can.has('prices:write') ? <ChangePrice product={p} /> : null}
    </>
  );
}

function PriceHistory({ product }: { product: Product }) {
  const rows = product.priceHistory;
  const currency = product.price.currency;
  const major = (amount: number) => amount / 100;
  // Each price holds until the next: a step line, ending now.
  const points: [string, number][] = rows.map((row) => [row.at, major(row.newAmount)]);
  if (points.length > 0) points.push([new Date().toISOString(), major(product.price.amount)]);
  const lowest = product.lowestPrice30d;
  return (
    <Chart<PricePoint>
      title={`Price history of ${product.name} (${currency})`}
      rows={rows}
      columns={[
        { header: 'When', cell: (row) => formatTime(row.at) },
        {
          header: 'From',
          cell: (row) => (row.oldAmount === null ? '—' : formatMoney(row.oldAmount, row.currency)),
        },
        { header: 'To', cell: (row) => formatMoney(row.newAmount, row.currency), numeric: true },
        { header: 'Why', cell: (row) => row.reason ?? (row.kind === 'created' ? 'created' : '') },
        { header: 'Who', cell: (row) => row.actor.id },
      ]}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { containLabel: true },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: currency },
        series: [
          {
            name: 'price',
            type: 'line',
            step: 'end',
            data: points,
            ...(lowest
              ? {
                  markLine: {
                    symbol: 'none',
                    label: { formatter: 'lowest in 30 days' },
                    data: [{ yAxis: major(lowest.amount) }],
                  },
                }
              : {}),
          },
        ],
      }}
    />
  );
}

/** A catalog command at the page's revision; the product is read again afterwards. */
function useProductCommand<Body>(send: (body: Body) => Promise<{ position?: string | null }>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      noteWrite(answer);
      return queries.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}

const ifMatch = (product: Product) => ({
  'if-match': String(product.revision),
  'idempotency-key': crypto.randomUUID(),
});

function EditProduct({ product }: { product: Product }) {
  const edit = useProductCommand(
    async (changes: { name: string; description: string; brand: string; category: string }) =>
      must(
        await (
          await writeApi()
        ).POST('/products/{productId}/update', {
          params: { path: { productId: product.productId }, header: ifMatch(product) },
          // The document marks these two as given (they have defaults on creation): sent as they stand.
          body: {
            changes: { ...changes, allowBackorder: product.allowBackorder, attributes: product.attributes },
          },
        }),
      ),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    edit.mutate({
      name: formText(form, 'name'),
      description: formText(form, 'description'),
      brand: formText(form, 'brand'),
      category: formText(form, 'category'),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Edit product" className="inline" key={product.revision}>
      <h2>Edit (from revision {product.revision})</h2>
      <label>
        Name <input name="name" required maxLength={200} defaultValue={product.name} />
      </label>
      <label>
        Brand <input name="brand" maxLength={200} defaultValue={product.brand} />
      </label>
      <label>
        Category <input name="category" maxLength={200} defaultValue={product.category} />
      </label>
      <label>
        Description <input name="description" maxLength={2000} defaultValue={product.description} />
      </label>
      <button type="submit" disabled={edit.isPending}>
        Save changes
      </button>
      <ProblemMessage error={edit.error} />
      {edit.isSuccess ? <span role="status">Product saved.</span> : null}
    </form>
  );
}

function ChangePrice({ product }: { product: Product }) {
  const change = useProductCommand(
    async (body: { price: { amount: number; currency: string }; reason: string }) =>
      must(
        await (
          await writeApi()
        ).POST('/products/{productId}/price', {
          params: { path: { productId: product.productId }, header: ifMatch(product) },
          body,
        }),
      ),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = Math.round(Number(formText(form, 'price')) * 100);
    const reason = formText(form, 'reason');
    const price = { amount, currency: product.price.currency };
    if (window.confirm(`Change the price of ${product.name} to ${formatMoney(amount, price.currency)}?`)) {
      change.mutate({ price, reason });
    }
  };
  return (
    <form onSubmit={submit} aria-label="Change price" className="inline" key={product.revision}>
      <h2>Change the price</h2>
      <label>
        New price ({product.price.currency}){' '}
        <input
          name="price"
          type="number"
          min={0}
          step={0.01}
          required
          defaultValue={product.price.amount / 100}
        />
      </label>
      <label>
        Reason <input name="reason" required maxLength={500} />
      </label>
      <button type="submit" disabled={change.isPending}>
        Change price
      </button>
      <ProblemMessage error={change.error} />
      {change.isSuccess ? <span role="status">Price changed.</span> : null}
    </form>
  );
}
