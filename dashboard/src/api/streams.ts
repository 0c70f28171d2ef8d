import { useQuery } from '@tanstack/react-query';
import { must, readApi } from './clients.ts';

/** Time travel over the event store (`streams:read`): a stream's events, and its state at a moment. */
export function useStreamEvents(stream: string | null) {
  return useQuery({
    enabled: stream !== null,
    queryKey: ['stream', stream],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/admin/streams/{stream}/events', {
          params: { path: { stream: stream! }, query: { limit: 1000 } },
          signal,
        }),
      ),
  });
}

export function useStreamAt(stream: string | null, at: string | null) {
  return useQuery({
    enabled: stream !== null && at !== null,
    queryKey: ['stream-at', stream, at],
    queryFn: async ({ signal }) =>
      must(
        await readApi.GET('/admin/streams/{stream}/at', {
          params: { path: { stream: stream! }, query: { at: at! } },
          signal,
        }),
      ),
  });
}

/** How an event moves a stock level's on-hand count (domain/inventory/events.ts). */
export function onHandDelta(type: string, data: Record<string, unknown>): number {
  const quantity = Number(data.quantity ?? 0);
  switch (type) {
    case 'StockReceived':
    case 'StockTransferredIn':
      return quantity;
    case 'StockShipped':
    case 'StockTransferredOut':
      return -quantity;
    case 'StockAdjusted':
      return Number(data.delta ?? 0);
    default:
      return 0;
  }
}
