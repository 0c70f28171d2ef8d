import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { idempotent, must, writeApi } from '../api/clients.ts';
import { DataTable } from '../components/data-table.tsx';
import { ProblemMessage } from '../components/status.tsx';
import { useLive } from '../live/live-context.tsx';
import type { ImportProgress } from '../live/live-events.ts';

const COLUMNS =
  'productId, sku, name, brand, category, priceAmount (in cents: 1299 is 12.99), priceCurrency; optional: description, allowBackorder (true or false)';

/**
 * Bulk import on the Catalog page (docs/dashboard.md): a CSV file to the command API's
 * `POST /imports/products`, its progress from the live stream (`import-progress`), or, while that
 * stream is not open, from `GET /imports/{importId}` once a second; the refused rows in a table.
 */
export function CatalogImport() {
  const live = useLive();
  const [importId, setImportId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      must(
        await (
          await writeApi()
        ).POST('/imports/products', {
          params: { header: idempotent() },
          body: await file.text(),
          bodySerializer: (text: string) => text,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: (accepted) => setImportId(accepted.importId),
  });
  const heard = importId ? live.imports[importId] : undefined;
  const polled = useQuery<ImportProgress>({
    queryKey: ['imports', importId],
    enabled: importId !== null && live.state !== 'open' && heard?.state !== 'finished',
    refetchInterval: (query) => (query.state.data?.state === 'finished' ? false : 1000),
    queryFn: async ({ signal }) =>
      must(
        await (
          await writeApi()
        ).GET('/imports/{importId}', { params: { path: { importId: importId! } }, signal }),
      ),
  });
  const status = newest(heard, polled.data);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (file instanceof File && file.size > 0) {
      setImportId(null);
      upload.mutate(file);
    }
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import products</h2>
      <form className="inline" aria-label="Import products" onSubmit={submit}>
        <label>
          CSV file{' '}
          <input type="file" name="file" accept=".csv,text/csv" required aria-describedby="import-columns" />
        </label>
        <button type="submit" disabled={upload.isPending || status?.state === 'running'}>
          Import
        </button>
      </form>
      <p id="import-columns" className="sub">
        One row per product, the first row naming the columns: {COLUMNS}. A row equal to the catalog changes
        nothing, so a file can be imported again.
      </p>
      <ProblemMessage error={upload.error ?? polled.error} />
      {status ? <Progress status={status} /> : null}
    </section>
  );
}

function Progress({ status }: { status: ImportProgress }) {
  const percent = status.total === 0 ? 100 : Math.floor((status.done / status.total) * 100);
  return (
    <>
      <label>
        Import progress{' '}
        <progress max={100} value={percent} data-testid="import-progress">
          {percent}%
        </progress>
      </label>
      <p role="status" aria-live="polite" data-testid="import-status">
        {status.state === 'finished' ? 'Finished' : 'Importing'}: {status.done} of {status.total} rows (
        {percent}%): {status.created} created, {status.updated} updated, {status.unchanged} unchanged,{' '}
        {status.failed} not imported.
      </p>
      {status.state === 'finished' && status.failed > 0 ? (
        <DataTable
          caption="Rows not imported"
          rows={status.errors}
          columns={[
            { header: 'Row', cell: (error) => error.row, numeric: true },
            { header: 'Column', cell: (error) => error.field },
            { header: 'Problem', cell: (error) => error.message },
          ]}
        />
      ) : null}
    </>
  );
}

/** The live report and the polled one may both exist (the stream dropped and came back): the furthest wins. */
function newest(a: ImportProgress | undefined, b: ImportProgress | undefined): ImportProgress | undefined {
  if (!a || !b) return a ?? b;
  if (a.state !== b.state) return a.state === 'finished' ? a : b;
  return a.done >= b.done ? a : b;
}
