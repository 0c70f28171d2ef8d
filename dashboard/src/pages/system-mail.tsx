import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminCommand, must, readApi } from '../api/clients.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatTime, Loading, ProblemMessage } from '../components/status.tsx';

/** Mail that failed at every attempt, each with "Retry" (fresh attempts through the dispatcher). */
export function ParkedMail() {
  const parked = useQuery({
    queryKey: ['mail', 'parked'],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/admin/notifications/deliveries', {
          params: { query: { status: 'parked', limit: 50 } },
          signal,
        }),
      ).items,
  });
  return (
    <section aria-labelledby="parked">
      <h2 id="parked">Parked mail</h2>
      <ProblemMessage error={parked.error} />
      {parked.data ? (
        <DataTable
          caption="Parked mail"
          rows={parked.data}
          empty="No mail is parked."
          columns={[
            { header: 'Created', cell: (row) => formatTime(row.createdAt) },
            { header: 'To', cell: (row) => row.to },
            { header: 'Subject', cell: (row) => row.subject },
            { header: 'Attempts', cell: (row) => row.attempts, numeric: true },
            { header: 'Last error', cell: (row) => row.lastError ?? '—' },
            { header: 'Action', cell: (row) => <Retry deliveryId={row.deliveryId} to={row.to} /> },
          ]}
        />
      ) : (
        <Loading what="parked mail" />
      )}
    </section>
  );
}

function Retry({ deliveryId, to }: { deliveryId: string; to: string }) {
  const queries = useQueryClient();
  const retry = useMutation({
    mutationFn: () =>
      adminCommand(`/admin/notifications/deliveries/${encodeURIComponent(deliveryId)}/retry`, {
        method: 'POST',
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['mail', 'parked'] }),
  });
  return (
    <span>
      <button
        type="button"
        disabled={retry.isPending}
        aria-label={`Retry the mail to ${to}`}
        onClick={() => {
          if (window.confirm(`Send the mail to ${to} again?`)) retry.mutate();
        }}
      >
        Retry
      </button>
      {retry.isSuccess ? <span role="status"> Queued again.</span> : null}
      <ProblemMessage error={retry.error} />
    </span>
  );
}
