// One echarts chart, drawn as SVG (crisp in print and in a PDF), without animation (a print
// or a screenshot catches it whole). Only the chart kinds the pages use are bundled, and only
// into the lazily loaded chart chunk: nothing here reaches the main bundle.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({
  option,
  height = 260,
  label,
}: {
  option: ChartOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    // The page's own font by name: echarts measures text with it, so labels neither overlap nor
    // get cut where the CJK font is wider than its default.
    const fontFamily = getComputedStyle(el).fontFamily;
    chart.setOption({ animation: false, textStyle: { fontFamily }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
