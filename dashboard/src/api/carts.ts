import { useQuery } from '@tanstack/react-query';
import { must, readApi } from './clients.ts';
import { utcDay } from './reports.ts';

/** The cart funnel of the last `days` UTC days (today included), one row per currency. */
export function useCartFunnel(days: number) {
  const from = `${utcDay(1 - days)}T00:00:00Z`;
  const to = `${utcDay(1)}T00:00:00Z`;
  return useQuery({
    queryKey: ['carts', 'funnel', from, to],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/admin/carts/funnel', { params: { query: { from, to } }, signal })).items,
  });
}

/** "12.5%", or "—" when there is nothing to divide by. */
export const rate = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
