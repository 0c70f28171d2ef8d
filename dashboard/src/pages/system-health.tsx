import { useQuery } from '@tanstack/react-query';
import { must, readApi } from '../api/clients.ts';
import { DataTable } from '../components/data-table.tsx';
import { Loading, ProblemMessage } from '../components/status.tsx';

const label: Record<string, string> = {
  eventStore: 'Event store',
  readModels: 'Read models',
  cache: 'Cache',
  analytics: 'Analytics',
  bus: 'Event bus',
};

/** Each backend the server uses, what it runs on, and whether it answers now (checked every 10 s). */
export function BackendHealth() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async ({ signal }) => must(await readApi.GET('/admin/health', { signal })).backends,
    refetchInterval: 10_000,
  });
  return (
    <section aria-labelledby="health">
      <h2 id="health">Backends</h2>
      <ProblemMessage error={health.error} />
      {health.data ? (
        <DataTable
          caption="Backends"
          rows={health.data}
          rowClass={(row) => (row.status === 'ok' ? undefined : 'low')}
          columns={[
            { header: 'Backend', cell: (row) => label[row.name] ?? row.name },
            { header: 'Runs on', cell: (row) => row.kind },
            {
              header: 'Status',
              cell: (row) =>
                row.status === 'ok' ? 'answers' : `failing: ${row.detail ?? 'no reason given'}`,
            },
            { header: 'Round trip', cell: (row) => `${row.ms} ms`, numeric: true },
          ]}
        />
      ) : (
        <Loading what="backend health" />
      )}
    </section>
  );
}
