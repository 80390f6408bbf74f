import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { timeAxisLabels } from '../../../shared/format/time-axis-labels.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { loc, type TimelineScale } from './scales-api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

// Pale bands from "well" to "severe"; colour is never the only cue (the band name is on the axis label area and in the table).
const BAND_COLOURS = ['#e8f5e9', '#f1f8e9', '#fffde7', '#fff3e0', '#fbe9e7', '#ffebee'];
const LINE_COLOURS = ['#1565c0', '#6a1b9a', '#00796b', '#5d4037'];

/** A scale's scores over time: one line per informant, band shading, and markers for change. */
export function TimelineChart({ scale }: { readonly scale: TimelineScale }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const bands = scale.bands.filter((b) => b.min !== null || b.max !== null);
    const worseUp = scale.direction === 'higher-is-worse';
    const colours = worseUp ? BAND_COLOURS : [...BAND_COLOURS].reverse();
    const markArea = {
      silent: true,
      label: { show: true, position: 'insideRight' as const, color: '#555', fontSize: 11 },
      data: bands.map((b, i) => [
        { yAxis: b.min ?? scale.range?.min ?? 0, name: loc(b.label, lang), itemStyle: { color: colours[Math.min(i, colours.length - 1)] } },
        { yAxis: (b.max ?? scale.range?.max ?? 0) + (b.max !== null ? 0.999 : 0) },
      ]),
    };
    const series = scale.series.map((s, si) => ({
      name: t(`scl.informants.${s.informant}`),
      type: 'line' as const,
      connectNulls: false,
      symbolSize: 9,
      lineStyle: { color: LINE_COLOURS[si % LINE_COLOURS.length], width: 2 },
      itemStyle: { color: LINE_COLOURS[si % LINE_COLOURS.length] },
      data: s.points.map((p) => {
        const rc = p.reliableChange?.category;
        const marks = [
          p.isBaseline ? t('scl.baseline') : '',
          rc === 'improved' ? '▼' : rc === 'deteriorated' ? '▲' : '',
          p.response ? 'R' : '',
          p.remission ? '✓' : '',
          p.flags.length ? '!' : '',
        ].filter(Boolean).join(' ');
        return {
          value: [p.at, p.total],
          symbol: p.flags.length ? 'diamond' : rc === 'deteriorated' ? 'triangle' : rc === 'improved' ? 'pin' : 'circle',
          symbolSize: rc && rc !== 'no_reliable_change' ? 16 : p.flags.length ? 14 : 9,
          itemStyle: rc === 'deteriorated' || p.flags.length ? { color: '#c62828' } : rc === 'improved' ? { color: '#2e7d32' } : undefined,
          label: { show: marks !== '', formatter: marks, position: 'top' as const, fontSize: 11, color: '#222' },
        };
      }),
      ...(si === 0 ? { markArea } : {}),
      ...(si === 0 && scale.remission && (scale.remission.atMost ?? scale.remission.atLeast) !== null
        ? { markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed' as const, color: '#2e7d32' }, label: { formatter: t('scl.remission'), fontSize: 11, position: 'insideStartTop' as const }, data: [{ yAxis: (scale.remission.atMost ?? scale.remission.atLeast)! }] } }
        : {}),
    }));
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      grid: { left: 40, right: 16, top: 36, bottom: 36 },
      legend: { top: 0, show: scale.series.length > 1 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: timeAxisLabels(lang) } },
      yAxis: { type: 'value', min: scale.range?.min ?? 0, max: scale.range?.max ?? undefined, inverse: false },
      series,
    });
    const onResize = (): void => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [scale, lang, t]);

  const n = scale.series.reduce((a, s) => a + s.points.length, 0);
  return <div ref={ref} className="timeline-chart" role="img" aria-label={t('scl.chartLabel', { scale: scale.shortName, n })} />;
}
