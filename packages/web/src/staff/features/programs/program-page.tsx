import './programs.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, query } from '../../../shared/api/client.ts';
import { useSession } from '../../session/session.tsx';
import { ExpectedEventsCard } from './expected-events-card.tsx';
import { SaeTaskPanel } from './sae-task-panel.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { GovernanceSection } from './governance-section.tsx';
import { pick, searchPatients, useDashboard, usePrograms } from './programs-api.ts';
import { parenthesized } from '../../../shared/format/holiday-name.ts';

const STAGES = ['screening', 'eligible', 'consented', 'enrolled', 'active', 'dosing_stopped', 'completed', 'withdrawn', 'lost_to_follow_up', 'ineligible'];
const A_STATUSES = ['upcoming', 'due', 'overdue', 'missed', 'on_track', 'out_of_window'];

/** A program: its dashboard (funnel, assessments by window, adherence, safety) and its participants. */
export function ProgramPage(): ReactNode {
  const { programId = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const dash = useDashboard(programId);
  const programs = usePrograms();
  const program = programs.data?.items.find((x) => x.program.id === programId)?.program;
  const d = dash.data;
  const participantHeader = d?.identified === false ? t('prg.studyId') : t('prg.participant');
  // A researcher sees days from the participant's first dose (day 0), never calendar dates.
  const day = (n: number | null | undefined) => (n === null || n === undefined ? t('prg.notDosed') : n < 0 ? t('prg.daysBefore', { n: -n }) : t('prg.dayN', { n }));
  return (
    <Page title={program ? pick(program.title, lang) : t('prg.title')} actions={can('programs:export') ? <Link className="btn" to={`/analysis/${encodeURIComponent(programId)}`}>{t('nav.analysis')}</Link> : undefined}>
      {program ? <GovernanceSection program={program} /> : null}
      {program?.treatment === 'infusion' ? <p><Link className="btn" to={`/programs/${encodeURIComponent(programId)}/lots`}>{t('trt.lotsLink')}</Link></p> : null}
      {program && can('programs:clinical_read') ? <SaeTaskPanel programId={program.id} /> : null}
      {program ? <ExpectedEventsCard program={program} /> : null}
      {dash.isLoading ? <Loading /> : null}
      <ErrorMessage error={dash.error} />
      {d ? (
        <div className="prg-dash">
          {d.identified ? null : <p className="muted card--wide">{t('prg.pseudonymous')}</p>}
          <section className="card card--wide" aria-labelledby="prg-safety">
            <h2 id="prg-safety">{t('prg.safety')}</h2>
            <h3>{t('prg.unreviewed')}</h3>
            {d.safety.unreviewedAlerts.length === 0 ? <p className="muted">{t('prg.noneOpen')}</p> : (
              <ul className="prg-alerts">
                {d.safety.unreviewedAlerts.map((a) => (
                  <li key={a.alertId} className="alert alert--error">
                    <strong>{a.nameKanji ? `${a.nameKanji} ${a.patientNumber}` : a.studyId}</strong> {String(a.summary.params?.term ?? '')} (Grade {String(a.summary.params?.grade ?? '')}) — {d.identified ? a.createdOn : day(a.createdDay)}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('prg.openAes')}</h3>
            {d.safety.open.length === 0 ? <p className="muted">{t('prg.noneOpen')}</p> : (
              <div className="table-scroll">
                <table className="table table--dense">
                  <thead><tr><th scope="col">{participantHeader}</th><th scope="col">{t('prg.term')}</th><th scope="col">{t('prg.grade')}</th><th scope="col">{d.identified ? t('prg.onset') : t('prg.onsetDay')}</th><th scope="col">{t('prg.outcome')}</th></tr></thead>
                  <tbody>
                    {d.safety.open.map((a) => (
                      <tr key={a.id}>
                        <td>{a.enrolmentId !== undefined && can('programs:clinical_read') ? <Link to={`/program-enrolments/${a.enrolmentId}`}>{a.nameKanji}</Link> : <span>{a.nameKanji ?? a.studyId}</span>}{a.patientNumber ? <span className="mono small muted nowrap"> {a.patientNumber}</span> : null}</td>
                        <td>{a.term}{a.serious ? <span className="tag tag--bad">SAE</span> : null}</td>
                        <td>{a.grade}</td><td className="nowrap">{d.identified ? a.onsetDate : day(a.onsetDay)}</td><td>{t(`prg.out.${a.outcome}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="prg-funnel">
            <h2 id="prg-funnel">{t('prg.funnel')}</h2>
            <table className="table table--dense">
              <thead><tr><th scope="col">{t('prg.stage')}</th><th scope="col">{t('prg.now')}</th><th scope="col">{t('prg.reached')}</th></tr></thead>
              <tbody>
                {STAGES.map((s) => (
                  <tr key={s}><th scope="row">{t(`prg.statuses.${s}`)}</th><td>{d.funnel.current[s] ?? 0}</td><td>{d.funnel.reached[s] ?? 0}</td></tr>
                ))}
              </tbody>
            </table>
            <h3>{t('prg.adherence')}</h3>
            <p>{t('prg.adherenceText', { planned: d.adherence.planned ?? 0, done: d.adherence.done ?? 0, due: d.adherence.dueSoFar ?? 0 })}</p>
          </section>
          <section className="card card--wide" aria-labelledby="prg-assess">
            <h2 id="prg-assess">{t('prg.assessments')}</h2>
            <div className="table-scroll">
              <table className="table table--dense">
                <thead><tr><th scope="col">{t('prg.visit')}</th>{A_STATUSES.map((s) => <th scope="col" key={s}>{t(`prg.aStatus.${s}`)}</th>)}</tr></thead>
                <tbody>
                  {d.assessments.map((v) => (
                    <tr key={v.visitId}>
                      <th scope="row">{pick(program?.assessments.find((a) => a.id === v.visitId)?.label, lang) || v.visitId}</th>
                      {A_STATUSES.map((s) => <td key={s} className={(s === 'overdue' || s === 'missed') && Number(v[s]) > 0 ? 'prg-warn' : undefined}>{v[s] ?? 0}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card card--wide" aria-labelledby="prg-participants">
            <h2 id="prg-participants">{t('prg.enrolments')}</h2>
            <div className="table-scroll">
              <table className="table table--dense">
                <thead><tr><th scope="col">{participantHeader}</th><th scope="col">{t('prg.status')}</th><th scope="col">{d.identified ? t('prg.enrolmentDate') : t('prg.enrolmentDay')}</th><th scope="col">{t('prg.overdue')}</th><th scope="col">{t('prg.missed')}</th><th scope="col">{t('prg.bookingColumn')}</th></tr></thead>
                <tbody>
                  {d.enrolments.map((e) => (
                    <tr key={e.id ?? e.studyId}>
                      <td>{e.id !== undefined && can('programs:clinical_read') ? <Link to={`/program-enrolments/${e.id}`}>{e.nameKanji}</Link> : <span>{e.nameKanji ?? e.studyId}</span>}{e.patientNumber ? <span className="mono small muted nowrap"> {e.patientNumber}</span> : null}</td>
                      <td>{t(`prg.statuses.${e.status}`)}</td><td className="nowrap">{d.identified ? (e.enrolmentDate ?? '—') : e.enrolmentDay === null || e.enrolmentDay === undefined ? '—' : day(e.enrolmentDay)}</td><td>{e.overdue}</td><td>{e.missed}</td>
                      <td className={e.sessions && e.sessions.notBooked > 0 && ['enrolled', 'active'].includes(e.status) ? 'prg-warn nowrap' : 'nowrap'}>
                        {e.sessions && e.sessions.planned > 0 ? t('prg.bookedCount', { booked: e.sessions.booked, planned: e.sessions.planned }) : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      ) : null}
      {can('programs:enrol') ? <StartScreening programId={programId} /> : null}
      {can('programs:clinical_read') ? <LotSearch /> : null}
    </Page>
  );
}

function StartScreening({ programId }: { readonly programId: string }): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Awaited<ReturnType<typeof searchPatients>>['items']>([]);
  const [error, setError] = useState<unknown>(null);
  async function find(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      setResults((await searchPatients(q)).items);
    } catch (err) {
      setError(err);
    }
  }
  async function start(patientId: string): Promise<void> {
    setError(null);
    try {
      const r = await api<{ enrolment: { id: string } }>(`/api/programs/${encodeURIComponent(programId)}/enrolments`, { method: 'POST', body: { patientId } });
      await qc.invalidateQueries({ queryKey: ['programs', programId] });
      void navigate(`/program-enrolments/${r.enrolment.id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card card--wide" aria-labelledby="prg-screen">
      <h2 id="prg-screen">{t('prg.screenTitle')}</h2>
      <form className="form" onSubmit={(e) => void find(e)}>
        <TextField label={t('prg.searchPatient')} value={q} onChange={(e) => setQ(e.target.value)} />
        <div className="form__actions"><button className="btn" type="submit">{t('prg.search')}</button></div>
      </form>
      <ErrorMessage error={error} />
      <ul>
        {results.map((p) => (
          <li key={p.id}>
            {p.patientNumber} {p.nameKanji}{parenthesized(p.nameKana, currentLanguage())}{p.birthDate}{' '}
            <button className="btn btn--small" type="button" onClick={() => void start(p.id)}>{t('prg.startScreening')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LotSearch(): ReactNode {
  const { t } = useTranslation();
  const [lot, setLot] = useState('');
  const [submitted, setSubmitted] = useState('');
  const res = useQuery({
    queryKey: ['program-lots', submitted],
    enabled: submitted !== '',
    queryFn: ({ signal }) => api<{ items: { sessionId: string; enrolmentId: string; sessionNumber: number; startedAt: string; lot: string; patient: { patientNumber: string; nameKanji: string } }[] }>(`/api/program-lots${query({ lot: submitted })}`, { signal }),
  });
  return (
    <section className="card card--wide" aria-labelledby="prg-lot">
      <h2 id="prg-lot">{t('prg.lotTitle')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); setSubmitted(lot.trim()); }}>
        <TextField label={t('prg.lot')} value={lot} onChange={(e) => setLot(e.target.value)} />
        <div className="form__actions"><button className="btn" type="submit">{t('prg.search')}</button></div>
      </form>
      <ErrorMessage error={res.error} />
      {res.data ? (
        <>
          <p role="status">{t('prg.lotResults', { count: res.data.items.length })}</p>
          <ul>
            {res.data.items.map((r) => (
              <li key={r.sessionId}><Link to={`/program-enrolments/${r.enrolmentId}`}>{r.patient.patientNumber} {r.patient.nameKanji}</Link> — {t('prg.session', { n: r.sessionNumber })} {r.startedAt.slice(0, 10)} ({r.lot})</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
