import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adminCommand, must, readApi } from '../api/clients.ts';
import { DataTable } from '../components/data-table.tsx';
import { Loading, ProblemMessage } from '../components/status.tsx';
import { useSession } from '../api/use-session.ts';
import { useLive } from '../live/live-context.tsx';
import { BackendHealth } from './system-health.tsx';
import { ParkedMail } from './system-mail.tsx';
import { PoisonEvents, type StoppedOn } from './system-poison.tsx';

interface Projector {
  name: string;
  kind?: string;
  status: string;
  position: string | null;
  lagEvents: number;
  lagMs: number;
  lastError: string | null;
  stoppedOn: StoppedOn | null;
}

interface Progress {
  events: number;
  total: number | null;
}

/**
 * Each projector's position, lag and status (live), a blue/green replay with its progress, poison
 * events with the skip, parked mail with retry, and each backend's health.
 */
export function SystemPage() {
  const live = useLive();
  const { can } = useSession();
  const status = useQuery({
    queryKey: ['projections'],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/admin/projections', { signal })) as unknown as {
        head: string | null;
        projectors: Projector[];
      },
  });
  const report = live.projections ?? status.data;
  return (
    <>
      <h1>System</h1>
      <ProblemMessage error={status.error} />
      {report ? (
        <section aria-labelledby="projections">
          <h2 id="projections">Projections (log head {report.head ?? 'empty'})</h2>
          <DataTable
            caption="Projections"
            rows={report.projectors}
            columns={[
              { header: 'Projection', cell: (row) => row.name },
              { header: 'Status', cell: (row) => row.status },
              { header: 'Position', cell: (row) => row.position ?? '—' },
              { header: 'Lag (events)', cell: (row) => row.lagEvents, numeric: true },
              { header: 'Lag', cell: (row) => `${(row.lagMs / 1000).toFixed(1)} s`, numeric: true },
              { header: 'Replay', cell: (row) => <Replay name={row.name} /> },
            ]}
          />
        </section>
      ) : (
        <Loading what="projection status" />
      )}
      {report ? <PoisonEvents stopped={report.projectors.filter((p) => p.status === 'failed')} /> : null}
      {can.has('notifications:manage') ? <ParkedMail /> : null}
      <BackendHealth />
    </>
  );
}

/** Starts `POST /admin/projections/{name}/replay` and reads its progress lines (JSON lines) as they come. */
function Replay({ name }: { name: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const replay = useMutation({
    mutationFn: async () => {
      const answer = await adminCommand(`/admin/projections/${encodeURIComponent(name)}/replay`, {
        method: 'POST',
        body: '{}',
      });
      const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { progress?: Progress; error?: string; done?: unknown };
          if (message.error) throw new Error(`Replay of ${name} failed: ${message.error}`);
          if (message.progress) setProgress(message.progress);
        }
      }
    },
  });
  const percent = replay.isSuccess
    ? 100
    : progress?.total
      ? Math.min(100, Math.floor((progress.events / progress.total) * 100))
      : 0;
  return (
    <span>
      <button
        type="button"
        disabled={replay.isPending}
        onClick={() => {
          if (
            window.confirm(`Rebuild ${name} from the first event? The current views serve until it is done.`)
          )
            replay.mutate();
        }}
      >
        Replay {name}
      </button>
      {replay.isPending || replay.isSuccess ? (
        <progress max={100} value={percent} aria-label={`Replay of ${name}`} data-testid={`replay-${name}`}>
          {percent}%
        </progress>
      ) : null}
      {replay.isSuccess ? <span role="status"> done</span> : null}
      <ProblemMessage error={replay.error} />
    </span>
  );
}
