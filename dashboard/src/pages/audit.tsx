import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { must, readApi } from '../api/clients.ts';
import type { components } from '../api/read-api.generated.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

interface AuditPageAnswer {
  items: components['schemas']['AuditEntry'][];
  nextCursor: string | null;
}

interface Filter {
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** Who did what to which entity, filtered by actor, entity and time, with each change's before and after. */
export function AuditPage() {
  const [filter, setFilter] = useState<Filter>({});
  const entries = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: AuditPageAnswer) => page.nextCursor ?? undefined,
    queryFn: async ({ pageParam, signal }): Promise<AuditPageAnswer> =>
      must(
        await readApi.GET('/staff/audit', {
          params: { query: { ...filter, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
  });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>Audit trail</h1>
      <form
        className="inline"
        aria-label="Filter"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const text = (name: string) => formText(form, name) || undefined;
          const time = (name: string) => (text(name) ? new Date(text(name)!).toISOString() : undefined);
          setFilter({
            actor: text('actor'),
            entityType: text('entityType'),
            entityId: text('entityId'),
            from: time('from'),
            to: time('to'),
          });
        }}
      >
        <label>
          Actor <input name="actor" />
        </label>
        <label>
          Entity type <input name="entityType" placeholder="product, stock, order" />
        </label>
        <label>
          Entity id <input name="entityId" />
        </label>
        <label>
          From <input name="from" type="datetime-local" />
        </label>
        <label>
          To <input name="to" type="datetime-local" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <ProblemMessage error={entries.error} />
      {entries.data ? (
        <DataTable
          caption="Audit entries"
          rows={rows}
          columns={[
            { header: 'When', cell: (row) => formatTime(row.at) },
            { header: 'Who', cell: (row) => `${row.actor.id} (${row.actor.role})` },
            { header: 'Entity', cell: (row) => `${row.entity.type} ${row.entity.id}` },
            { header: 'Action', cell: (row) => row.action },
            { header: 'Change', cell: (row) => <Diff before={row.before} after={row.after} /> },
            { header: 'Reason', cell: (row) => row.reason ?? '' },
          ]}
        />
      ) : (
        <Loading what="the audit trail" />
      )}
      {entries.hasNextPage ? (
        <button
          type="button"
          onClick={() => void entries.fetchNextPage()}
          disabled={entries.isFetchingNextPage}
        >
          Older entries
        </button>
      ) : null}
    </>
  );
}

/** The fields a change touched, before → after. */
function Diff({
  before,
  after,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]),
  );
  if (keys.length === 0) return null;
  return (
    <dl className="diff">
      {keys.map((key) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            <del>{before && key in before ? JSON.stringify(before[key]) : '—'}</del> →{' '}
            <ins>{after && key in after ? JSON.stringify(after[key]) : '—'}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
