import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart.tsx';
import { Loading } from './status.tsx';

// ECharts is most of the JavaScript: it loads with the first chart, not with the app, which keeps
// the initial download small (docs/dashboard.md).
const ChartNow = lazy(() => import('./chart.tsx').then((module) => ({ default: module.Chart })));

export function Chart<Row>(props: ChartProps<Row>) {
  return (
    <Suspense fallback={<Loading what="the chart" />}>
      <ChartNow {...(props as ChartProps<unknown>)} />
    </Suspense>
  );
}
