import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { idempotent, must, writeApi } from '../api/clients.ts';
import { noteWrite } from '../api/last-write.ts';
import type { components } from '../api/write-api.generated.ts';
import { useSession } from '../api/use-session.ts';
import { ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

type Adjustment = components['schemas']['StockAdjustment'];
type Transfer = components['schemas']['StockTransfer'];

const REASONS: Adjustment['reason'][] = ['count', 'damage', 'loss', 'found'];

/** Adjust a count and move stock between locations, each behind its permission, through the command API. */
export function StockActions() {
  const { can } = useSession();
  if (!can.has('stock:adjust') && !can.has('stock:transfer')) return null;
  return (
    <section aria-labelledby="stock-actions">
      <h2 id="stock-actions">Adjust and transfer</h2>
      {can.has('stock:adjust') ? <AdjustStock /> : null}
      {can.has('stock:transfer') ? <TransferStock /> : null}
    </section>
  );
}

/** A stock command; the levels are read again after it, at its position (`noteWrite`). */
function useStockCommand<Body>(send: (body: Body) => Promise<{ position?: string | null }>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      noteWrite(answer);
      return queries.invalidateQueries({ queryKey: ['stock'] });
    },
  });
}

function AdjustStock() {
  const adjust = useStockCommand(async (body: Adjustment) =>
    must(await (await writeApi()).POST('/stock/adjustments', { body, params: { header: idempotent() } })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Adjustment = {
      sku: formText(form, 'sku'),
      location: formText(form, 'location'),
      delta: Number(formText(form, 'delta')),
      reason: REASONS.find((reason) => reason === formText(form, 'reason')) ?? 'count',
      note: formText(form, 'note') || null,
    };
    const change = body.delta > 0 ? `+${body.delta}` : String(body.delta);
    if (window.confirm(`Adjust ${body.sku} at ${body.location} by ${change} (${body.reason})?`)) {
      adjust.mutate(body);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Adjust stock" className="inline">
      <label>
        SKU <input name="sku" required />
      </label>
      <label>
        Location <input name="location" required />
      </label>
      <label>
        Change (+/−) <input name="delta" type="number" step={1} required />
      </label>
      <label>
        Reason
        <select name="reason" defaultValue="count">
          {REASONS.map((reason) => (
            <option key={reason}>{reason}</option>
          ))}
        </select>
      </label>
      <label>
        Note <input name="note" maxLength={1000} />
      </label>
      <button type="submit" disabled={adjust.isPending}>
        Adjust
      </button>
      <ProblemMessage error={adjust.error} />
      {adjust.isSuccess ? <span role="status">Adjustment recorded.</span> : null}
    </form>
  );
}

function TransferStock() {
  const transfer = useStockCommand(async (body: Transfer) =>
    must(await (await writeApi()).POST('/stock/transfers', { body, params: { header: idempotent() } })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Transfer = {
      sku: formText(form, 'sku'),
      from: formText(form, 'from'),
      to: formText(form, 'to'),
      quantity: Number(formText(form, 'quantity')),
    };
    if (window.confirm(`Move ${body.quantity} of ${body.sku} from ${body.from} to ${body.to}?`)) {
      transfer.mutate(body);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Transfer stock" className="inline">
      <label>
        SKU <input name="sku" required />
      </label>
      <label>
        From <input name="from" required />
      </label>
      <label>
        To <input name="to" required />
      </label>
      <label>
        Quantity <input name="quantity" type="number" min={1} step={1} required />
      </label>
      <button type="submit" disabled={transfer.isPending}>
        Transfer
      </button>
      <ProblemMessage error={transfer.error} />
      {transfer.isSuccess ? <span role="status">Transfer recorded.</span> : null}
    </form>
  );
}
