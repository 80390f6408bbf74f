import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { loc, useTimeline, type TimelinePoint, type TimelineScale } from './scales-api.ts';
import { TimelineChart } from './timeline-chart.tsx';

function ChangeTags({ p }: { readonly p: TimelinePoint }): ReactNode {
  const { t } = useTranslation();
  const rc = p.reliableChange?.category;
  return (
    <>
      {p.isBaseline ? <span className="tag">{t('scl.baseline')}</span> : null}
      {rc === 'improved' ? <span className="tag tag--good">▼ {t('scl.reliableImproved')}</span> : null}
      {rc === 'deteriorated' ? <span className="tag tag--bad">▲ {t('scl.reliableWorse')}</span> : null}
      {p.response ? <span className="tag tag--good">R {t('scl.response')}</span> : null}
      {p.remission ? <span className="tag tag--good">✓ {t('scl.remission')}</span> : null}
      {p.flags.length ? <span className="tag tag--bad">! {t('scl.safetyFlag')}</span> : null}
    </>
  );
}

/** Item-level answers: one column per administration, informants side by side (newest last). */
function AnswersTable({ scale }: { readonly scale: TimelineScale }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const cols = scale.series
    .flatMap((s) => s.points.map((p) => ({ informant: s.informant, p })))
    .sort((a, b) => (a.p.at < b.p.at ? -1 : a.p.at > b.p.at ? 1 : a.informant.localeCompare(b.informant)));
  const bandLabel = (id: string | null) => loc(scale.bands.find((b) => b.id === id)?.label, lang) || (id ?? '');
  return (
    // Focusable so keyboard users can scroll a wide table.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${scale.shortName} ${t('scl.answersTable')}`}>
      <table className="table table--dense answers-table">
        <caption className="visually-hidden">{t('scl.answersTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scl.item')}</th>
            {cols.map(({ informant, p }) => (
              <th key={p.responseId} scope="col" className="nowrap">
                {formatDateTime(p.at).slice(0, 10)}
                <br />
                <span className="small">{t(`scl.informants.${informant}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="answers-table__total">
            <th scope="row">{t('scl.total')}</th>
            {cols.map(({ p }) => (
              <td key={p.responseId}>
                <strong>{p.valid ? p.total : t('scl.notScored')}</strong>
                <br />
                <span className="small">{bandLabel(p.band)}</span>
                <br />
                <ChangeTags p={p} />
              </td>
            ))}
          </tr>
          {scale.items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="answers-table__item">
                <span className="mono">{item.id}</span> {loc(item.text, lang)}
              </th>
              {cols.map(({ p }) => (
                <td key={p.responseId} className={p.answers[item.id] === undefined ? 'muted' : ''}>
                  {p.answers[item.id] ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The patient's timeline: a chart and an item table per scale. Needs `scales:read`. */
export function TimelineSection({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const q = useTimeline(patientId, can('scales:read'));
  if (!can('scales:read')) return null;
  if (q.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (q.isError) return <ErrorMessage error={q.error} />;
  if (q.data.length === 0) return <p className="empty">{t('scl.noResults')}</p>;
  return (
    <>
      {q.data.map((s) => (
        <section key={s.scaleId} className="card card--wide timeline" aria-labelledby={`tl-${s.scaleId}`}>
          <h3 id={`tl-${s.scaleId}`}>
            {s.shortName} <span className="muted small">{loc(s.name, lang)}</span>
          </h3>
          <TimelineChart scale={s} />
          <p className="small muted legend-text">
            ▼ {t('scl.reliableImproved')} · ▲ {t('scl.reliableWorse')} · R {t('scl.response')} · ✓ {t('scl.remission')} · ! {t('scl.safetyFlag')}
          </p>
          <AnswersTable scale={s} />
        </section>
      ))}
    </>
  );
}
