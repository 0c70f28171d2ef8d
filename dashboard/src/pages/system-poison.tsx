import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminCommand, must, readApi } from '../api/clients.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatTime, Loading, ProblemMessage } from '../components/status.tsx';

export interface StoppedOn {
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  position: string;
}

export interface StoppedProjector {
  name: string;
  lastError: string | null;
  stoppedOn: StoppedOn | null;
}

/** Projectors stopped on a poison event, each with a form to pass the event with a reason; then the skips so far. */
export function PoisonEvents({ stopped }: { stopped: StoppedProjector[] }) {
  // Kept here, not in the stopped projector's card: once the projection runs again its card goes,
  // and the notice that the skip went through must not go with it.
  const [skipped, setSkipped] = useState<string | null>(null);
  return (
    <section aria-labelledby="poison">
      <h2 id="poison">Poison events</h2>
      {skipped ? <p role="status">Skipped in {skipped}; the projection goes on.</p> : null}
      {stopped.length === 0 ? (
        <p className="empty">No projection is stopped on an event.</p>
      ) : (
        stopped.map((projector) => (
          <StoppedOnEvent key={projector.name} projector={projector} onSkipped={setSkipped} />
        ))
      )}
      <SkippedEvents />
    </section>
  );
}

function StoppedOnEvent({
  projector,
  onSkipped,
}: {
  projector: StoppedProjector;
  onSkipped: (name: string) => void;
}) {
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const event = projector.stoppedOn;
  const skip = useMutation({
    mutationFn: async () => {
      await adminCommand(`/admin/projections/${encodeURIComponent(projector.name)}/skip`, {
        method: 'POST',
        body: JSON.stringify({ position: event?.position, reason }),
      });
    },
    onSuccess: () => {
      onSkipped(projector.name);
      return queries.invalidateQueries({ queryKey: ['projections'] });
    },
  });
  const field = `skip-reason-${projector.name}`;
  return (
    <article className="poison" data-testid={`poison-${projector.name}`}>
      <h3>{projector.name} stopped</h3>
      {event ? (
        <dl className="facts">
          <dt>Event</dt>
          <dd>
            {event.type} {event.eventId}
          </dd>
          <dt>Stream</dt>
          <dd>
            {event.stream} revision {event.revision}
          </dd>
          <dt>Position</dt>
          <dd>{event.position}</dd>
        </dl>
      ) : null}
      <p className="problem-text">{projector.lastError}</p>
      {event ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (
              window.confirm(
                `Pass event ${event.eventId} in ${projector.name}? Its changes will be missing from that view; ` +
                  'the skip and your reason go into the audit log.',
              )
            )
              skip.mutate();
          }}
        >
          <label htmlFor={field}>Reason for skipping (kept in the audit log)</label>
          <input
            id={field}
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={skip.isPending || reason.trim() === ''}>
            Skip this event
          </button>
          <ProblemMessage error={skip.error} />
        </form>
      ) : (
        <p>It did not stop on an event: fix what its error says and restart it, or replay it.</p>
      )}
    </article>
  );
}

function SkippedEvents() {
  const skips = useQuery({
    queryKey: ['projections', 'skips'],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/admin/projections/skips', { params: { query: { limit: 20 } }, signal })).items,
  });
  return (
    <>
      <h3>Skipped so far</h3>
      <ProblemMessage error={skips.error} />
      {skips.data ? (
        <DataTable
          caption="Skipped events"
          rows={skips.data}
          empty="No event has been skipped."
          columns={[
            { header: 'When', cell: (row) => formatTime(row.skippedAt) },
            { header: 'Projection', cell: (row) => row.projection },
            { header: 'Event', cell: (row) => row.eventId },
            { header: 'Position', cell: (row) => row.position },
            { header: 'Reason', cell: (row) => row.reason },
          ]}
        />
      ) : (
        <Loading what="skipped events" />
      )}
    </>
  );
}
