import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import type { AdverseEventView, EnrolmentDetail, Program } from './programs-api.ts';
import { ExpectedEventField } from './expected-event-field.tsx';
import { SaeClockCard } from './sae-clock-card.tsx';
import { parenthesized } from '../../../shared/format/holiday-name.ts';

export const SERIOUSNESS = ['death', 'life_threatening', 'hospitalisation', 'disability', 'congenital_anomaly', 'other_important_medical_event'];

/** The enrolment's adverse events, each editable (a new version) by staff who record them. */
export function AdverseEventList({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const lang = currentLanguage();
  if (d.adverseEvents.length === 0) return null;
  return (
    <section className="card card--wide" aria-labelledby="e-aes">
      <h2 id="e-aes">{t('prg.aeList')}</h2>
      {saved ? <Alert tone={saved === 'sae' ? 'warning' : 'success'}>{saved === 'sae' ? t('prg.saeRaised') : t('prg.saved')}</Alert> : null}
      <ul className="prg-ae-list">
        {d.adverseEvents.map((a) => (
          <li key={a.id} id={`ae-${a.id}`} data-ae={a.id}>
            <span>
              {a.onsetDate}{a.endDate ? ` – ${a.endDate}` : ''} {a.term} — Grade {a.grade}{a.seriousness.length ? <span className="tag tag--bad">SAE</span> : null} — {t(`prg.out.${a.outcome}`)}
              {' '}<span className="small muted">{t('prg.revision', { n: a.revision ?? 1 })}</span>
            </span>
            {can('programs:record') && editing !== a.id ? (
              <button className="btn btn--small" type="button" onClick={() => { setSaved(null); setEditing(a.id); }} aria-label={`${t('prg.editAe')}: ${a.term}`}>{t('prg.editAe')}</button>
            ) : null}
            {a.amendments && a.amendments.length ? (
              <details>
                <summary>{t('prg.amendments')}{parenthesized(String(a.amendments.length), currentLanguage())}</summary>
                <ul className="small">
                  {a.amendments.map((m) => (
                    <li key={m.revision}>
                      {new Date(m.at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })} — {t('prg.revision', { n: m.revision })}:{' '}
                      {m.changes.map((c) => `${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join('; ')}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {d.saeClocks?.[a.id] ? <SaeClockCard enrolmentId={d.enrolment.id} aeId={a.id} clock={d.saeClocks[a.id]!} today={d.today} /> : null}
            {editing === a.id ? (
              <EditAdverseEvent enrolmentId={d.enrolment.id} program={d.program} ae={a} onDone={(r) => { setEditing(null); setSaved(r); }} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditAdverseEvent({ enrolmentId, program, ae, onDone }: { readonly enrolmentId: string; readonly program: Program; readonly ae: AdverseEventView; readonly onDone: (r: 'sae' | 'ok' | null) => void }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState({
    term: ae.term, onsetDate: ae.onsetDate, endDate: ae.endDate ?? '', grade: String(ae.grade), relatedness: ae.relatedness, expectedEventId: ae.expectedEventId ?? '',
    actionTaken: ae.actionTaken, outcome: ae.outcome,
  });
  const [serious, setSerious] = useState<string[]>([...ae.seriousness]);
  const [error, setError] = useState<unknown>(null);
  const errs = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const opts = (keys: string[], base: string) => keys.map((k) => ({ value: k, label: t(`${base}.${k}`) }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ alertRaised: boolean }>(`/api/program-enrolments/${enrolmentId}/adverse-events/${ae.id}`, {
        method: 'PUT',
        body: {
          revision: ae.revision ?? 1, term: f.term, onsetDate: f.onsetDate, endDate: f.endDate || null, grade: Number(f.grade), seriousness: serious,
          relatedness: f.relatedness, expectedEventId: f.expectedEventId || null, actionTaken: f.actionTaken, outcome: f.outcome,
        },
      });
      await qc.invalidateQueries({ queryKey: ['program-enrolment', enrolmentId] });
      onDone(r.alertRaised ? 'sae' : 'ok');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="form form--wide" aria-label={t('prg.editAeTitle', { term: ae.term })} onSubmit={(e) => void submit(e)}>
      <TextField label={t('prg.term')} value={f.term} onChange={set('term')} error={errs.term} />
      <TextField label={t('prg.onset')} type="date" value={f.onsetDate} onChange={set('onsetDate')} error={errs.onsetDate} />
      <TextField label={t('prg.aeEnd')} type="date" value={f.endDate} onChange={set('endDate')} error={errs.endDate} />
      <SelectField label={t('prg.grade')} value={f.grade} onChange={set('grade')} options={['1', '2', '3', '4', '5'].map((g) => ({ value: g, label: g }))} error={errs.grade} />
      <fieldset>
        <legend>{t('prg.serious')}</legend>
        {SERIOUSNESS.map((k) => (
          <label key={k} className="check"><input type="checkbox" checked={serious.includes(k)} onChange={(e) => setSerious((s) => (e.target.checked ? [...s, k] : s.filter((x) => x !== k)))} /> {t(`prg.seriousness.${k}`)}</label>
        ))}
        {errs.seriousness ? <p className="field__error">{errs.seriousness}</p> : null}
      </fieldset>
      <SelectField label={t('prg.relatedness')} value={f.relatedness} onChange={set('relatedness')} options={opts(['not_related', 'unlikely', 'possible', 'probable', 'definite'], 'prg.rel')} error={errs.relatedness} />
      <ExpectedEventField program={program} value={f.expectedEventId} onChange={(v) => setF((x) => ({ ...x, expectedEventId: v }))} error={errs.expectedEventId} />
      <SelectField label={t('prg.action')} value={f.actionTaken} onChange={set('actionTaken')} options={opts(['none', 'infusion_interrupted', 'dose_reduced', 'session_postponed', 'treatment_withdrawn', 'other'], 'prg.act')} error={errs.actionTaken} />
      <SelectField label={t('prg.outcome')} value={f.outcome} onChange={set('outcome')} options={opts(['recovering', 'not_recovered', 'recovered', 'recovered_with_sequelae', 'fatal', 'unknown'], 'prg.out')} error={errs.outcome} />
      <ErrorMessage error={error} />
      <div className="form__actions">
        <button className="btn btn--primary" type="submit">{t('prg.save')}</button>
        <button className="btn" type="button" onClick={() => onDone(null)}>{t('prg.cancel')}</button>
      </div>
    </form>
  );
}
