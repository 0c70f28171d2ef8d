import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { DataTable, type Column } from './data-table.tsx';

// Only the parts the pages draw, so the charts chunk stays small; SVG so that the drawn figures are
// text in the page (screen readers skip it, the table beside carries the same figures, tests read it).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export interface ChartProps<Row> {
  title: string;
  option: EChartsCoreOption;
  /** The same figures as a table: no chart is the only carrier of its information. */
  rows: Row[];
  columns: Column<Row>[];
  height?: number;
}

/**
 * No entrance animation: ECharts grows every series in for a second by default, and its `finished`
 * comes only after that, so each page showed its figures a second late (most of the overview's
 * first render, `npm run bench -- dashboard`). Changes of the data still animate (the update
 * duration), so a switch of granularity is followed by the eye.
 */
const FIRST_DRAW = { animationDuration: 0 } as const;

/** A chart with a "table" toggle beside it; `data-drawn` is set once ECharts finished drawing. */
export function Chart<Row>({ title, option, rows, columns, height = 280 }: ChartProps<Row>) {
  const [drawn, setDrawn] = useState(false);
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="chart" aria-label={title} data-drawn={drawn ? 'true' : 'false'}>
      <figcaption>
        {title}{' '}
        <button type="button" className="link" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
          {asTable ? 'Show chart' : 'Show table'}
        </button>
      </figcaption>
      {asTable ? (
        <DataTable caption={title} rows={rows} columns={columns} />
      ) : (
        <div aria-hidden="true">
          <ReactEChartsCore
            echarts={echarts}
            option={{ ...FIRST_DRAW, ...option }}
            notMerge
            opts={{ renderer: 'svg' }}
            style={{ height }}
            onEvents={{ finished: () => setDrawn(true) }}
            // Without an entrance animation ECharts draws inside setOption and sends its first
            // `finished` then, before echarts-for-react binds `onEvents`: so the first draw is
            // checked here, right after it (nothing left animating means drawn).
            onChartReady={(chart) => {
              if (chart.getZr().animation.isFinished()) setDrawn(true);
            }}
          />
        </div>
      )}
    </figure>
  );
}
