import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { must, readApi } from '../api/clients.ts';
import { useLastWrite } from '../api/last-write.ts';
import { DataTable } from '../components/data-table.tsx';
import { Pager, useKeysetPages } from '../components/keyset-pager.tsx';
import { Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

interface Picked {
  sku: string;
  location: string;
}

interface LevelFilters {
  sku?: string;
  location?: string;
  low?: 'true';
}

/**
 * Every SKU at every location (on hand, reserved, available, threshold), by SKU; levels at or below
 * their threshold stand out, and say so in words ("low"), not by colour alone.
 */
export function StockLevels({ onPick }: { onPick: (picked: Picked) => void }) {
  const [filters, setFilters] = useState<LevelFilters>({});
  return (
    <section aria-labelledby="levels">
      <h2 id="levels">Levels per SKU and location</h2>
      <form
        className="inline"
        aria-label="Stock level filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const [sku, location] = [formText(form, 'sku'), formText(form, 'location')];
          setFilters({
            ...(sku ? { sku } : {}),
            ...(location ? { location } : {}),
            ...(form.get('low') ? { low: 'true' as const } : {}),
          });
        }}
      >
        <label>
          SKU <input name="sku" />
        </label>
        <label>
          Location <input name="location" />
        </label>
        <label>
          Low only <input name="low" type="checkbox" />
        </label>
        <button type="submit">Filter levels</button>
      </form>
      <LevelPages key={JSON.stringify(filters)} filters={filters} onPick={onPick} />
    </section>
  );
}

function LevelPages({ filters, onPick }: { filters: LevelFilters; onPick: (picked: Picked) => void }) {
  const pages = useKeysetPages();
  const after = useLastWrite();
  const levels = useQuery({
    queryKey: ['stock', 'levels', filters, pages.cursor, after],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/staff/stock-levels', {
          params: { query: { ...filters, limit: 50, cursor: pages.cursor, after } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  if (levels.error) return <ProblemMessage error={levels.error} />;
  if (!levels.data) return <Loading what="stock levels" />;
  return (
    <>
      <DataTable
        caption="Stock levels per SKU and location"
        rows={levels.data.items}
        empty="No stock level matches."
        rowClass={(row) => (row.lowStock ? 'low' : undefined)}
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
          { header: 'Reserved', cell: (row) => row.reserved, numeric: true },
          { header: 'Available', cell: (row) => row.available, numeric: true },
          { header: 'Threshold', cell: (row) => row.lowStockThreshold ?? '—', numeric: true },
          {
            header: 'State',
            cell: (row) => (row.lowStock ? <span className="badge">low</span> : 'ok'),
          },
        ]}
      />
      <Pager label="Stock level pages" pages={pages} nextCursor={levels.data.nextCursor} />
    </>
  );
}
