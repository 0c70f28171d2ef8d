import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart.tsx';
import { Loading } from './status.tsx';

// ECharts is most of the JavaScript: it loads with the first chart, not with the app, which keeps
// the initial download small (docs/dashboard.md).
let charts: Promise<typeof import('./chart.tsx')> | undefined;

/**
 * Starts fetching and compiling the charts chunk now. A page with charts calls it as it renders,
 * so the chunk loads while the page's data requests are under way, instead of only after they
 * answer (when the first `Chart` renders): one round trip and a parse fewer on the critical path.
 */
export function preloadCharts(): void {
  charts ??= import('./chart.tsx');
}

const ChartNow = lazy(() => {
  preloadCharts();
  return charts!.then((module) => ({ default: module.Chart }));
});

export function Chart<Row>(props: ChartProps<Row>) {
  return (
    <Suspense fallback={<Loading what="the chart" />}>
      <ChartNow {...(props as ChartProps<unknown>)} />
    </Suspense>
  );
}
