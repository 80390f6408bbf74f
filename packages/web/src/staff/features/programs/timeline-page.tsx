import './programs.css';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { timeAxisLabels } from '../../../shared/format/time-axis-labels.ts';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { SessionPlan } from './booking-panel.tsx';
import { pick, useTimeline, type TimelineEntry } from './programs-api.ts';

echarts.use([ScatterChart, GridComponent, TooltipComponent, SVGRenderer]);

const KINDS = ['enrolment', 'score', 'session', 'adverse_event', 'medication', 'co_intervention', 'lab'] as const;
const COLOURS: Record<string, string> = { enrolment: '#455a64', score: '#1565c0', session: '#00796b', adverse_event: '#c62828', medication: '#6a1b9a', co_intervention: '#4e342e', lab: '#ef6c00' };
const SYMBOLS: Record<string, string> = { enrolment: 'rect', score: 'circle', session: 'diamond', adverse_event: 'triangle', medication: 'roundRect', co_intervention: 'arrow', lab: 'pin' };

type Names = Readonly<Record<string, { readonly ja: string; readonly en: string }>>;

function describe(e: TimelineEntry, t: (k: string, o?: Record<string, unknown>) => string, names: Names = {}): string {
  const v = e.values;
  const lang = currentLanguage();
  switch (e.kind) {
    case 'enrolment': return t(`prg.statuses.${e.event}`);
    case 'score': return `${e.event.toUpperCase()} ${String(v.total)}`;
    case 'session': return `${t('prg.session', { n: v.sessionNumber })}${v.lot ? ` (${String(v.lot)})` : ''}`;
    case 'adverse_event': return `${String(v.term)} G${String(v.grade)}${v.serious ? ' SAE' : ''} — ${t(`prg.aeEvents.${e.event}`)}`;
    case 'medication': return `${String(v.genericName)} ${t(`prg.medEvents.${e.event}`)}${v.dose !== undefined && v.dose !== null ? ` ${String(v.dose)}${String(v.unit ?? '')}` : ''}`;
    // The catalogue's name, never the raw id (`il6`).
    case 'lab': return `${names[e.event] ? pick(names[e.event], lang) : e.event} ${v.comparator ?? ''}${String(v.value)} ${String(v.unit)}${v.sampleType ? parenthesized(t(`rec.samples.${String(v.sampleType)}`), lang) : ''}`;
    case 'co_intervention': return `${t(`rec.coKinds.${String(v.coKind)}`)}${v.description ? parenthesized(String(v.description), lang) : ''} ${t(`prg.medEvents.${e.event}`)}`;
    default: return e.event;
  }
}

/** Scores, sessions, adverse events, medicines and labs of one patient on one time axis. */
export function PatientTimelinePage(): ReactNode {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const q = useTimeline(id);
  const ref = useRef<HTMLDivElement>(null);
  const data = q.data;
  // Booked appointments of the treatment course not yet recorded: hollow, beside the done sessions.
  const planned = useMemo(() => (data?.enrolments ?? []).flatMap((e) => (e.plannedSessions ?? []).filter((s) => s.status === 'booked' && s.appointment)), [data]);
  // The chart only when there is something to put on it; an empty frame says nothing.
  const hasChart = Boolean(data && (data.entries.length > 0 || planned.length > 0));

  useEffect(() => {
    const el = ref.current;
    if (!el || !data) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const labels = [...KINDS.map((k) => t(`prg.kinds.${k}`)), t('prg.kinds.planned')];
    chart.setOption({
      animation: false,
      grid: { left: 110, right: 24, top: 16, bottom: 40 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: timeAxisLabels(lang) } },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: KINDS.map((k, i) => ({
        name: labels[i],
        type: 'scatter',
        symbol: SYMBOLS[k],
        symbolSize: 13,
        itemStyle: { color: COLOURS[k] },
        tooltip: { formatter: (p: { data: { desc: string; value: [string, string] } }) => `${p.data.value[0]}<br>${p.data.desc}` },
        data: data.entries.filter((e) => e.kind === k).map((e) => ({ value: [e.date, labels[i]], desc: describe(e, t, data.analytes) })),
      })).concat([{
        name: labels[KINDS.length]!,
        type: 'scatter',
        symbol: 'emptyDiamond',
        symbolSize: 13,
        itemStyle: { color: COLOURS.session! },
        tooltip: { formatter: (p: { data: { desc: string; value: [string, string] } }) => `${p.data.value[0]}<br>${p.data.desc}` },
        data: planned.map((s) => ({ value: [s.appointment!.date, labels[KINDS.length]!], desc: `${t('prg.session', { n: s.sessionNumber })} ${s.appointment!.time} — ${t('prg.sStatus.booked')}` })),
      }]),
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [data, planned, t, lang]);

  return (
    <Page title={data ? `${t('prg.timeline')} — ${data.patient.nameKanji}${parenthesized(data.patient.patientNumber, currentLanguage())}` : t('prg.timeline')}>
      {q.isLoading ? <Loading /> : null}
      <ErrorMessage error={q.error} />
      {data ? (
        <>
          {can('programs:record') ? <p><Link className="btn" to={`/patients/${id}/records`}>{t('rec.open')}</Link></p> : null}
          {data.entries.length === 0 ? (
            <div className="empty" role="status">
              <p><strong>{t('prg.timelineEmpty')}</strong></p>
              <p>{t('prg.timelineEmptyHint')}</p>
            </div>
          ) : null}
          {hasChart ? <div ref={ref} className="prg-timeline-chart" role="img" aria-label={t('prg.timeline')} /> : null}
          {(data.enrolments ?? []).filter((e) => (e.plannedSessions ?? []).length > 0).map((e) => (
            <section key={e.id} className="card card--wide" aria-labelledby={`tl-plan-${e.id}`}>
              <h2 id={`tl-plan-${e.id}`}>{t('prg.sessions')}{parenthesized(t(`prg.statuses.${e.status}`), lang)}</h2>
              <SessionPlan sessions={e.plannedSessions ?? []} />
              {(e.status === 'enrolled' || e.status === 'active') && can('programs:record') ? (
                <p><Link className="btn btn--primary" to={`/program-enrolments/${e.id}#record`}>{t('trt.recordSessionLink')}</Link></p>
              ) : null}
            </section>
          ))}
          {data.confounders.length ? (
            <section className="card card--wide" aria-labelledby="tl-conf">
              <h2 id="tl-conf">{t('prg.confounders')}</h2>
              <ul>{data.confounders.map((c, i) => <li key={i}>{c.date} {c.genericName} — {t(`prg.medEvents.${c.event === 'dose_changed' || c.event === 'frequency_changed' ? 'changed' : c.event}`)}{c.detail ? ` (${String(c.detail.from ?? '')} → ${String(c.detail.to ?? '')})` : ''}</li>)}</ul>
            </section>
          ) : null}
          {data.entries.length > 0 ? (
            <div className="table-scroll">
              <table className="table table--dense">
                <caption className="visually-hidden">{t('prg.timeline')}</caption>
                <thead><tr><th scope="col">{t('prg.date')}</th><th scope="col">{t('prg.item')}</th><th scope="col">{t('prg.event')}</th></tr></thead>
                <tbody>
                  {data.entries.map((e, i) => (
                    <tr key={i} className={`prg-tl prg-tl--${e.kind}`}><td className="nowrap">{e.date}</td><td>{t(`prg.kinds.${e.kind}`)}</td><td>{describe(e, t, data.analytes)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
