import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { idempotent, must, readApi, writeApi } from '../api/clients.ts';
import { onHandDelta, useStreamAt, useStreamEvents } from '../api/streams.ts';
import { useSession } from '../api/use-session.ts';
import { Chart } from '../components/lazy-chart.tsx';
import { DataTable } from '../components/data-table.tsx';
import { formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';
import { StockActions } from './stock-actions.tsx';
import { StockLevels } from './stock-levels.tsx';

interface Picked {
  sku: string;
  location: string;
}

/** Levels per location (adjust, transfer), low stock with thresholds, one SKU's ledger and stock as of a date, its forecast, suggestions. */
export function InventoryPage() {
  const { can } = useSession();
  const [picked, setPicked] = useState<Picked | null>(null);
  return (
    <>
      <h1>Inventory</h1>
      <StockLevels onPick={setPicked} />
      <StockActions />
      <LowStock onPick={setPicked} canEdit={can.has('stock:configure')} />
      <PickForm picked={picked} onPick={setPicked} />
      {picked && can.has('streams:read') ? <Ledger picked={picked} /> : null}
      {picked && can.has('replenishment:read') ? <Forecast picked={picked} /> : null}
      {can.has('replenishment:read') ? <Suggestions onPick={setPicked} /> : null}
    </>
  );
}

function LowStock({ onPick, canEdit }: { onPick: (picked: Picked) => void; canEdit: boolean }) {
  const queries = useQueryClient();
  const low = useQuery({
    queryKey: ['stock', 'low'],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/staff/low-stock', { params: { query: { limit: 200 } }, signal })).items,
  });
  const setThreshold = useMutation({
    mutationFn: async (input: { sku: string; location: string; threshold: number }) =>
      must(
        await (await writeApi()).POST('/stock/thresholds', { body: input, params: { header: idempotent() } }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['stock'] }),
  });
  const edit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setThreshold.mutate({
      sku: formText(form, 'sku'),
      location: formText(form, 'location'),
      threshold: Number(formText(form, 'threshold')),
    });
  };
  return (
    <section aria-labelledby="low">
      <h2 id="low">Low stock</h2>
      <ProblemMessage error={low.error} />
      {low.data ? (
        <DataTable
          caption="Low stock"
          rows={low.data}
          empty="Nothing is at or below its threshold."
          columns={[
            {
              header: 'SKU',
              cell: (row) => (
                <button type="button" className="link" onClick={() => onPick(row)}>
                  {row.sku}
                </button>
              ),
            },
            { header: 'Location', cell: (row) => row.location },
            { header: 'On hand', cell: (row) => row.onHand, numeric: true },
            { header: 'Available', cell: (row) => row.available, numeric: true },
            { header: 'Threshold', cell: (row) => row.lowStockThreshold ?? '—', numeric: true },
          ]}
        />
      ) : (
        <Loading what="low stock" />
      )}
      {canEdit ? (
        <form onSubmit={edit} aria-label="Low-stock threshold" className="inline">
          <label>
            SKU <input name="sku" required />
          </label>
          <label>
            Location <input name="location" required />
          </label>
          <label>
            Threshold <input name="threshold" type="number" min={0} required />
          </label>
          <button type="submit" disabled={setThreshold.isPending}>
            Set threshold
          </button>
          <ProblemMessage error={setThreshold.error} />
          {setThreshold.isSuccess ? <span role="status">Threshold saved.</span> : null}
        </form>
      ) : null}
    </section>
  );
}

function PickForm({ picked, onPick }: { picked: Picked | null; onPick: (picked: Picked) => void }) {
  return (
    <form
      className="inline"
      aria-label="Pick a SKU and location"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        onPick({ sku: formText(form, 'sku'), location: formText(form, 'location') });
      }}
    >
      <label>
        SKU <input name="sku" required defaultValue={picked?.sku} key={`s-${picked?.sku}`} />
      </label>
      <label>
        Location{' '}
        <input name="location" required defaultValue={picked?.location} key={`l-${picked?.location}`} />
      </label>
      <button type="submit">Show history and forecast</button>
    </form>
  );
}

function Ledger({ picked }: { picked: Picked }) {
  const stream = `stock-${picked.sku}@${picked.location}`;
  const events = useStreamEvents(stream);
  const [asOf, setAsOf] = useState<string | null>(null);
  const state = useStreamAt(stream, asOf);
  if (events.error) return <ProblemMessage error={events.error} />;
  if (!events.data) return <Loading what="the movement ledger" />;
  const ledger = runningLevels(events.data.events);
  return (
    <section aria-labelledby="ledger">
      <h2 id="ledger">
        {picked.sku} at {picked.location}: movements
      </h2>
      <Chart
        title={`On hand over time, ${picked.sku} at ${picked.location}`}
        rows={ledger}
        columns={[
          { header: 'When', cell: (row) => formatTime(row.at) },
          { header: 'Event', cell: (row) => row.type },
          { header: 'Change', cell: (row) => row.delta, numeric: true },
          { header: 'On hand', cell: (row) => row.onHand, numeric: true },
          { header: 'By', cell: (row) => row.by },
        ]}
        option={{
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'time' },
          yAxis: { type: 'value', name: 'on hand' },
          series: [
            { name: 'On hand', type: 'line', step: 'end', data: ledger.map((row) => [row.at, row.onHand]) },
          ],
        }}
      />
      <form
        className="inline"
        aria-label="Stock as of"
        onSubmit={(event) => {
          event.preventDefault();
          const value = formText(new FormData(event.currentTarget), 'asOf');
          setAsOf(value ? new Date(value).toISOString() : null);
        }}
      >
        <label>
          Stock as of <input name="asOf" type="datetime-local" step={1} required />
        </label>
        <button type="submit">Show</button>
      </form>
      <ProblemMessage error={state.error} />
      {state.data ? <pre data-testid="stock-as-of">{JSON.stringify(state.data.state, null, 2)}</pre> : null}
    </section>
  );
}

function Forecast({ picked }: { picked: Picked }) {
  const points = useQuery({
    queryKey: ['stock', 'reorder-point', picked],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/staff/replenishment/reorder-points', {
          params: { query: { sku: picked.sku, location: picked.location, limit: 1 } },
          signal,
        }),
      ).items[0] ?? null,
  });
  if (points.error) return <ProblemMessage error={points.error} />;
  if (points.data === undefined) return <Loading what="the forecast" />;
  const point = points.data;
  if (!point)
    return (
      <p className="empty">
        No forecast yet for {picked.sku} at {picked.location}.
      </p>
    );
  // Available stock drawn down by the expected daily demand over the lead time and the review period.
  const horizon = Math.max(14, point.leadTimeDays * 2);
  const start = Date.parse(point.asOf);
  const forecast = Array.from({ length: horizon + 1 }, (_, day) => ({
    day: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
    available: Math.max(0, Math.round((point.available - point.expectedDailyDemand * day) * 10) / 10),
  }));
  return (
    <section aria-labelledby="forecast">
      <h2 id="forecast">
        Forecast ({point.method}, {point.demandClass} demand)
      </h2>
      <p>
        {point.expectedDailyDemand.toFixed(2)} a day expected; reorder point {point.reorderPoint}, safety
        stock {point.safetyStock.toFixed(1)}, order up to {point.orderUpTo}; lead time {point.leadTimeDays}{' '}
        days at a {Math.round(point.serviceLevel * 100)}% service level, from {point.historyDays} days of
        history.
      </p>
      <Chart
        title={`Expected available stock, ${picked.sku} at ${picked.location}`}
        rows={forecast}
        columns={[
          { header: 'Day', cell: (row) => row.day },
          { header: 'Expected available', cell: (row) => row.available, numeric: true },
        ]}
        option={{
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: forecast.map((row) => row.day) },
          yAxis: { type: 'value' },
          series: [
            {
              name: 'Forecast',
              type: 'line',
              data: forecast.map((row) => row.available),
              markLine: {
                symbol: 'none',
                data: [
                  { name: 'Reorder point', yAxis: point.reorderPoint, label: { formatter: 'reorder point' } },
                  { name: 'Safety stock', yAxis: point.safetyStock, label: { formatter: 'safety stock' } },
                ],
              },
            },
          ],
        }}
      />
    </section>
  );
}

function Suggestions({ onPick }: { onPick: (picked: Picked) => void }) {
  const suggestions = useQuery({
    queryKey: ['stock', 'suggestions'],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/staff/replenishment/suggestions', { params: { query: {} }, signal })).items,
  });
  return (
    <section aria-labelledby="suggestions">
      <h2 id="suggestions">Replenishment suggestions</h2>
      <ProblemMessage error={suggestions.error} />
      {suggestions.data ? (
        <DataTable
          caption="Replenishment suggestions"
          rows={suggestions.data}
          empty="No open suggestions."
          columns={[
            {
              header: 'SKU',
              cell: (row) => (
                <button type="button" className="link" onClick={() => onPick(row)}>
                  {row.sku}
                </button>
              ),
            },
            { header: 'Location', cell: (row) => row.location },
            { header: 'Order', cell: (row) => row.quantity, numeric: true },
            { header: 'Available', cell: (row) => row.available, numeric: true },
            { header: 'Reorder point', cell: (row) => row.reorderPoint, numeric: true },
            { header: 'Why', cell: (row) => row.reason },
          ]}
        />
      ) : (
        <Loading what="suggestions" />
      )}
    </section>
  );
}

/** Each movement with the on-hand level after it. */
function runningLevels(
  events: { type: string; data: Record<string, unknown>; occurredAt: string; actor: { id: string } }[],
) {
  const rows: { at: string; type: string; delta: number; onHand: number; by: string }[] = [];
  for (const event of events) {
    const delta = onHandDelta(event.type, event.data);
    rows.push({
      at: event.occurredAt,
      type: event.type,
      delta,
      onHand: (rows.at(-1)?.onHand ?? 0) + delta,
      by: event.actor.id,
    });
  }
  return rows;
}
