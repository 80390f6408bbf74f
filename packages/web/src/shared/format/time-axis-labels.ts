/**
 * Label templates of a chart's time axis (ECharts `axisLabel.formatter` by level) in the page's
 * language. ECharts names months in English by default ("Feb"); Japanese pages write 2月, 2月3日.
 */
export function timeAxisLabels(lang: 'ja' | 'en'): Readonly<Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>> {
  return lang === 'ja'
    ? { year: '{yyyy}年', month: '{M}月', day: '{M}月{d}日', hour: '{HH}:{mm}', minute: '{HH}:{mm}' }
    : { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' };
}
