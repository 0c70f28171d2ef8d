import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { idempotent, must, readApi, writeApi } from '../api/clients.ts';
import { useOrderCommand } from '../api/order-command.ts';
import { ApiProblem } from '../api/problem.ts';
import type { components as ReadComponents } from '../api/read-api.generated.ts';
import type { components } from '../api/write-api.generated.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, ProblemMessage } from '../components/status.tsx';

type Order = ReadComponents['schemas']['OrderDetail'];
type EditBody = components['schemas']['EditOrder'];
type Preview = components['schemas']['OrderEditPreview'];
type Totals = components['schemas']['OrderTotals'];

/** What confirming does to the money, in the words staff tell the customer. */
const paymentWords: Record<Preview['payment']['kind'], string> = {
  none: 'nothing moves now: the next payment is for the new total',
  extra_payment: 'the customer pays the difference as an extra payment',
  refund: 'the difference is refunded',
  release: 'the authorization beyond the new total is released',
};

/** The change asked for: each line's new quantity against the order as it is now, and a line added by SKU. */
async function editOf(order: Order, quantities: Record<string, string>, add: AddLine): Promise<EditBody> {
  const body: EditBody = { add: [], raise: [], lower: [], remove: [] };
  for (const line of order.lines) {
    const wanted = quantities[line.lineId];
    if (wanted === undefined || wanted === '' || line.quantity === 0) continue;
    const quantity = Number(wanted);
    if (quantity === 0) body.remove.push(line.lineId);
    else if (quantity > line.quantity)
      body.raise.push({ lineId: line.lineId, quantity: quantity - line.quantity });
    else if (quantity < line.quantity)
      body.lower.push({ lineId: line.lineId, quantity: line.quantity - quantity });
  }
  const sku = add.sku.trim();
  if (sku) {
    // The edit adds products; staff know SKUs: the catalog says whose SKU it is.
    const found = must(await readApi.GET('/products', { params: { query: { sku, limit: 1 } } })).items[0];
    if (!found) throw new Error(`No product in the catalog has the SKU ${sku}.`);
    body.add.push({ productId: found.productId, quantity: Number(add.quantity) || 1 });
  }
  if (body.add.length + body.raise.length + body.lower.length + body.remove.length === 0) {
    throw new Error('Nothing to preview: change a quantity or add a line first.');
  }
  return body;
}

interface AddLine {
  sku: string;
  quantity: string;
}

/**
 * Edit an unshipped order in two steps, as the command API wants: a preview (new totals and what
 * happens to the money, appending nothing), then a confirm carrying the preview's ETag. When the
 * order or its prices moved in between, the confirm is refused as stale; the page says so and
 * offers to preview the same change again against the order as it is now.
 */
export function EditOrder({ order }: { order: Order }) {
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [add, setAdd] = useState<AddLine>({ sku: '', quantity: '1' });
  const [previewed, setPreviewed] = useState<{ body: EditBody; preview: Preview } | null>(null);
  const preview = useMutation({
    mutationFn: async () => {
      const body = await editOf(order, quantities, add);
      const answer = must(
        await (
          await writeApi()
        ).POST('/orders/{orderId}/edit/preview', {
          params: { path: { orderId: order.orderId } },
          body,
          // The command API asks every POST for a key, this one too (its document does not say
          // so); a preview appends nothing, so a fresh key per click changes nothing.
          headers: idempotent(),
        }),
      );
      return { body, preview: answer };
    },
    onMutate: () => setPreviewed(null),
    onSuccess: setPreviewed,
  });
  const confirm = useOrderCommand(order.orderId, async (asked: { body: EditBody; etag: string }) =>
    must(
      await (
        await writeApi()
      ).POST('/orders/{orderId}/edit', {
        params: { path: { orderId: order.orderId }, header: { ...idempotent(), 'if-match': asked.etag } },
        body: asked.body,
      }),
    ),
  );
  const stale =
    confirm.error instanceof ApiProblem &&
    (confirm.error.code === 'edit_preview_stale' || confirm.error.code === 'preview_required')
      ? confirm.error
      : null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.reset();
    preview.mutate();
  };
  const confirmPreviewed = () => {
    if (!previewed) return;
    const { after, difference } = previewed.preview;
    const change = `${difference.amount >= 0 ? '+' : '−'}${formatMoney(Math.abs(difference.amount), difference.currency)}`;
    const question = `Edit order ${order.orderId}: new total ${formatMoney(after.total.amount, after.total.currency)} (${change})?`;
    if (!window.confirm(question)) return;
    confirm.mutate(
      { body: previewed.body, etag: previewed.preview.etag },
      {
        onSuccess: () => {
          setPreviewed(null);
          setQuantities({});
          setAdd({ sku: '', quantity: '1' });
        },
      },
    );
  };
  const lines = order.lines.filter((line) => line.quantity > 0);
  return (
    <form onSubmit={submit} aria-label="Edit order" className="inline">
      {lines.map((line) => (
        <label key={line.lineId}>
          {line.sku} quantity
          <input
            type="number"
            min={0}
            max={10_000}
            step={1}
            value={quantities[line.lineId] ?? String(line.quantity)}
            onChange={(event) => setQuantities({ ...quantities, [line.lineId]: event.target.value })}
          />
        </label>
      ))}
      <label>
        Add SKU{' '}
        <input
          value={add.sku}
          maxLength={200}
          onChange={(event) => setAdd({ ...add, sku: event.target.value })}
        />
      </label>
      <label>
        Units to add
        <input
          type="number"
          min={1}
          max={10_000}
          step={1}
          value={add.quantity}
          onChange={(event) => setAdd({ ...add, quantity: event.target.value })}
        />
      </label>
      <button type="submit" disabled={preview.isPending}>
        {stale ? 'Preview again' : 'Preview edit'}
      </button>
      <ProblemMessage error={preview.error} />
      {previewed && !stale ? <EditPreview preview={previewed.preview} /> : null}
      {previewed && !stale ? (
        <button type="button" onClick={confirmPreviewed} disabled={confirm.isPending}>
          Confirm edit
        </button>
      ) : null}
      {stale ? (
        <p role="alert" className="problem">
          The order or its prices changed after this preview, so it was not applied: {staleReason(stale)}{' '}
          Preview again to see what the edit does now.
        </p>
      ) : (
        <ProblemMessage error={confirm.error} />
      )}
      {confirm.isSuccess ? <span role="status">Order edited.</span> : null}
    </form>
  );
}

/** Why a preview went stale: the refusal's `details.reason`. */
const staleReasons: Record<string, string> = {
  order_changed: 'someone changed the order meanwhile (an edit, a payment, a shipment).',
  totals_changed: 'a price, a tax rate or a promotion changed meanwhile.',
  request_differs: 'the change sent is not the one previewed.',
};

function staleReason(error: ApiProblem): string {
  if (error.code === 'preview_required') return 'it was not previewed.';
  const reason = error.details.reason;
  return (typeof reason === 'string' ? staleReasons[reason] : undefined) ?? error.plainWords;
}

/** The totals before and after, the difference and what confirming does to the money. */
function EditPreview({ preview }: { preview: Preview }) {
  const { before, after, difference, payment } = preview;
  const rows: { what: string; of: (totals: Totals) => { amount: number; currency: string } }[] = [
    { what: 'Subtotal', of: (t) => t.subtotal },
    { what: 'Discounts', of: (t) => t.discountTotal },
    { what: 'Shipping', of: (t) => t.shipping },
    { what: 'Tax', of: (t) => t.tax },
    { what: 'Total', of: (t) => t.total },
  ];
  const money = (value: { amount: number; currency: string }) => formatMoney(value.amount, value.currency);
  return (
    <div data-testid="edit-preview">
      <DataTable
        caption="The order's totals before and after the edit"
        rows={rows}
        columns={[
          { header: 'Figure', cell: (row) => row.what },
          { header: 'Before', cell: (row) => money(row.of(before)), numeric: true },
          { header: 'After', cell: (row) => money(row.of(after)), numeric: true },
        ]}
      />
      <p data-testid="edit-difference">
        Difference {money(difference)}; payment: {paymentWords[payment.kind]}
        {payment.kind === 'none' ? '' : ` (${money(payment.amount)})`}.
      </p>
      <DataTable
        caption="The lines after the edit"
        rows={preview.lines}
        columns={[
          { header: 'SKU', cell: (line) => line.sku },
          { header: 'Quantity', cell: (line) => line.quantity, numeric: true },
          { header: 'Line total', cell: (line) => money(line.lineTotal), numeric: true },
        ]}
      />
    </div>
  );
}
