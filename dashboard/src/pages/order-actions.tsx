import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { stepUp } from '../api/auth.ts';
import { idempotent, must, writeApi } from '../api/clients.ts';
import { useOrderCommand } from '../api/order-command.ts';
import { ApiProblem } from '../api/problem.ts';
import type { components } from '../api/read-api.generated.ts';
import { useSession } from '../api/use-session.ts';
import { formatMoney, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';
import { EditOrder } from './order-edit.tsx';
import { OrderReturns } from './order-returns.tsx';

type Order = components['schemas']['OrderDetail'];

/** The domain's rules, so the page offers only what the API would take (it still decides). */
const SHIPPABLE = ['authorized', 'paid', 'partially_shipped'];
const CANCELLABLE = ['placed', 'authorized', 'paid', 'payment_failed'];
/** Edits, like cancellation, are for orders nothing of which has shipped. */
const EDITABLE = CANCELLABLE;

/**
 * What staff may do to an order, each behind its permission and a confirmation, each through the
 * command API with a fresh Idempotency-Key; a refusal is shown in the API's words. Edits
 * (`order-edit.tsx`) and returns (`order-returns.tsx`) have their own files.
 */
export function OrderActions({ order }: { order: Order }) {
  const { can } = useSession();
  const refundable = order.payment.captured.amount - order.payment.refunded.amount;
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">Actions</h2>
      {can.has('orders:fulfil') && SHIPPABLE.includes(order.status) ? <ShipOrder order={order} /> : null}
      {can.has('orders:refund') && refundable > 0 ? (
        <RefundOrder order={order} refundable={refundable} />
      ) : null}
      {can.has('orders:cancel') && CANCELLABLE.includes(order.status) ? (
        <CancelOrder orderId={order.orderId} />
      ) : null}
      {can.has('orders:edit') && EDITABLE.includes(order.status) ? <EditOrder order={order} /> : null}
      {can.has('returns:manage') ? <OrderReturns order={order} /> : null}
    </section>
  );
}

interface ShipmentRow {
  location?: unknown;
  lines?: unknown;
}

/** What is left to ship of each line from `location`: allocated there, less what left from there. */
function leftToShip(order: Order, location: string): Map<string, number> {
  const left = new Map<string, number>();
  for (const line of order.lines) {
    const allocated = line.allocations.find((a) => a.location === location)?.quantity ?? 0;
    left.set(line.lineId, allocated);
  }
  for (const shipment of order.shipments as ShipmentRow[]) {
    if (shipment.location !== location || !Array.isArray(shipment.lines)) continue;
    for (const shipped of shipment.lines as { lineId: string; quantity: number }[]) {
      left.set(shipped.lineId, (left.get(shipped.lineId) ?? 0) - shipped.quantity);
    }
  }
  return left;
}

function ShipOrder({ order }: { order: Order }) {
  const locations = [...new Set(order.lines.flatMap((line) => line.allocations.map((a) => a.location)))];
  const [location, setLocation] = useState(locations[0] ?? '');
  const left = leftToShip(order, location);
  const ship = useOrderCommand(
    order.orderId,
    async (body: {
      location: string;
      carrier: string;
      trackingNumber: string;
      lines: { lineId: string; quantity: number }[];
    }) =>
      must(
        await (
          await writeApi()
        ).POST('/orders/{orderId}/shipments', {
          params: { path: { orderId: order.orderId }, header: idempotent() },
          // Shipped by the shop's own carrier account: no label bought through the command API.
          body: { ...body, buyLabel: false, service: null },
        }),
      ),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lines = order.lines
      .map((line) => ({ lineId: line.lineId, quantity: Number(formText(form, `qty-${line.lineId}`)) }))
      .filter((line) => line.quantity > 0);
    const count = lines.reduce((sum, line) => sum + line.quantity, 0);
    if (!window.confirm(`Ship ${count} items of order ${order.orderId} from ${location}?`)) return;
    ship.mutate({
      location,
      carrier: formText(form, 'carrier'),
      trackingNumber: formText(form, 'trackingNumber'),
      lines,
    });
  };
  return (
    <form onSubmit={submit} aria-label="Ship" className="inline">
      <label>
        From
        <select name="location" value={location} onChange={(event) => setLocation(event.target.value)}>
          {locations.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {order.lines.map((line) => (
        <label key={`${location}-${line.lineId}`}>
          {line.sku} to ship
          <input
            name={`qty-${line.lineId}`}
            type="number"
            min={0}
            max={Math.max(0, left.get(line.lineId) ?? 0)}
            defaultValue={Math.max(0, left.get(line.lineId) ?? 0)}
          />
        </label>
      ))}
      <label>
        Carrier <input name="carrier" required maxLength={100} />
      </label>
      <label>
        Tracking number <input name="trackingNumber" required maxLength={100} />
      </label>
      <button type="submit" disabled={ship.isPending}>
        Ship
      </button>
      <ProblemMessage error={ship.error} />
      {ship.isSuccess ? <span role="status">Shipment recorded.</span> : null}
    </form>
  );
}

function RefundOrder({ order, refundable }: { order: Order; refundable: number }) {
  const currency = order.total.currency;
  const refund = useOrderCommand(order.orderId, async (body: { amount: number; reason: string }) =>
    must(
      await (
        await writeApi()
      ).POST('/orders/{orderId}/refunds', {
        params: { path: { orderId: order.orderId }, header: idempotent() },
        body: { amount: { amount: body.amount, currency }, reason: body.reason },
      }),
    ),
  );
  const [pending, setPending] = useState<{ amount: number; reason: string } | null>(null);
  const needsStepUp = refund.error instanceof ApiProblem && refund.error.code === 'step-up-required';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      amount: Math.round(Number(formText(form, 'amount')) * 100),
      reason: formText(form, 'reason'),
    };
    if (!window.confirm(`Refund ${formatMoney(input.amount, currency)} of order ${order.orderId}?`)) return;
    setPending(input);
    refund.mutate(input);
  };
  return (
    <>
      <form onSubmit={submit} aria-label="Refund" className="inline">
        <label>
          Amount ({currency})
          <input
            name="amount"
            type="number"
            min={0.01}
            step="0.01"
            max={refundable / 100}
            defaultValue={refundable / 100}
            required
          />
        </label>
        <label>
          Reason <input name="reason" required maxLength={500} />
        </label>
        <button type="submit" disabled={refund.isPending}>
          Refund
        </button>
        <ProblemMessage error={refund.error} />
        {refund.isSuccess ? <span role="status">Refund issued.</span> : null}
      </form>
      {needsStepUp && pending ? <StepUp onPassed={() => refund.mutate(pending)} /> : null}
    </>
  );
}

/**
 * The API demanded a fresh second factor (403 `step-up-required`): the authenticator's code gets a
 * new access token (`POST /auth/step-up`), and the action is sent again (with a new key: the refusal
 * appended nothing).
 */
function StepUp({ onPassed }: { onPassed: () => void }) {
  const passed = useMutation({ mutationFn: stepUp, onSuccess: onPassed });
  return (
    <form
      aria-label="Second factor"
      className="inline"
      onSubmit={(event) => {
        event.preventDefault();
        passed.mutate(formText(new FormData(event.currentTarget), 'code'));
      }}
    >
      <label>
        Authenticator code{' '}
        <input name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={20} />
      </label>
      <button type="submit" disabled={passed.isPending}>
        Confirm and retry
      </button>
      <ProblemMessage error={passed.error} />
    </form>
  );
}

function CancelOrder({ orderId }: { orderId: string }) {
  const cancel = useOrderCommand(orderId, async () =>
    must(
      await (
        await writeApi()
      ).POST('/orders/{orderId}/cancel', {
        params: { path: { orderId }, header: idempotent() },
        body: { note: 'cancelled from the dashboard' },
      }),
    ),
  );
  return (
    <p>
      <button
        type="button"
        disabled={cancel.isPending}
        onClick={() => {
          if (window.confirm(`Cancel order ${orderId}? Its stock is released.`)) cancel.mutate(undefined);
        }}
      >
        Cancel order
      </button>
      <ProblemMessage error={cancel.error} />
    </p>
  );
}
