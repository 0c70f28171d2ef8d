import { useQuery } from '@tanstack/react-query';
import { must, readApi } from './clients.ts';

export type ReportName =
  | 'sales'
  | 'revenue'
  | 'top_sellers'
  | 'top_sellers_by_day'
  | 'refund_rate'
  | 'sell_through'
  | 'stockouts'
  | 'days_of_cover'
  | 'cart_recovery';

export interface ReportQuery {
  from: string;
  to: string;
  granularity?: 'day' | 'week' | 'month';
  limit?: number;
}

/** `YYYY-MM-DD` of a UTC day `offset` days from today: the reports count days in UTC. */
export function utcDay(offset = 0, from = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + offset));
  return day.toISOString().slice(0, 10);
}

/** ClickHouse sends 64-bit counts as strings; the pages want numbers. */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export function useReport(name: ReportName, query: ReportQuery) {
  return useQuery({
    queryKey: ['report', name, query],
    queryFn: async ({ signal }): Promise<Record<string, unknown>[]> => {
      const answer = must(
        await readApi.GET('/admin/analytics/reports/{name}', {
          params: { path: { name }, query: { ...query, format: 'json' } },
          signal,
        }),
      );
      // The route also answers CSV; asked for JSON it never does.
      return typeof answer === 'string' ? [] : answer.rows;
    },
  });
}
