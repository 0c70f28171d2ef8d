import { createParser } from 'eventsource-parser';
import { refreshIfDue } from '../api/auth.ts';
import { loadSession } from '../api/session.ts';
import type { components } from '../api/write-api.generated.ts';

/** An import's progress: the command API's `GET /imports/{importId}` answer (row errors once finished). */
export type ImportProgress = components['schemas']['ImportStatus'];

/** What `GET /live/events` sends (read-api/routes/live-routes.ts). */
export type LiveEvent =
  | {
      kind: 'order-placed';
      id: string;
      data: { orderId: string; customerId: string; total: { amount: number; currency: string }; at: string };
    }
  | {
      kind: 'low-stock';
      data: { sku: string; location: string; available: number; threshold: number | null };
    }
  | { kind: 'import-progress'; data: ImportProgress }
  | {
      kind: 'projections';
      data: {
        head: string | null;
        projectors: {
          name: string;
          status: string;
          lagEvents: number;
          lagMs: number;
          position: string | null;
          /** Why it stopped, and the poison event it stopped on (`/admin/projections`). */
          lastError: string | null;
          stoppedOn: {
            eventId: string;
            type: string;
            stream: string;
            revision: number;
            position: string;
          } | null;
        }[];
      };
    };

/**
 * Follows the read API's server-sent events. Not `EventSource`: it cannot send the bearer token, so
 * this reads the stream with fetch and eventsource-parser, and on a drop reconnects after the
 * server's `retry` with `Last-Event-ID`, so the events between are sent again, none twice.
 */
export function followLiveEvents(
  onEvent: (event: LiveEvent) => void,
  onState: (state: 'open' | 'reconnecting') => void,
): () => void {
  const stop = new AbortController();
  let lastEventId: string | undefined;
  let retryMs = 2000;

  const connect = async () => {
    while (!stop.signal.aborted) {
      try {
        await refreshIfDue();
        const session = loadSession();
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (session) headers.authorization = `Bearer ${session.accessToken}`;
        if (lastEventId) headers['last-event-id'] = lastEventId;
        const answer = await fetch('/live/events', { headers, signal: stop.signal });
        if (!answer.ok || !answer.body) throw new Error(`live events answered ${answer.status}`);
        onState('open');
        const parser = createParser({
          onEvent: (message) => {
            if (message.id) lastEventId = message.id;
            if (!message.event) return;
            onEvent({
              kind: message.event,
              id: message.id,
              data: JSON.parse(message.data) as unknown,
            } as LiveEvent);
          },
          onRetry: (ms) => (retryMs = ms),
        });
        const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        if (stop.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void connect();
  return () => stop.abort();
}
