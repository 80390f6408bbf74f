import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { pick, type Criterion, type EnrolmentDetail } from './programs-api.ts';

type T = (k: string, o?: Record<string, unknown>) => string;

/** A scale id in the words staff know it by (`phq9` → PHQ-9). */
const scaleName = (id: string): string => ({ phq9: 'PHQ-9', gad7: 'GAD-7', phq9_teens: 'PHQ-9（思春期版）', hamd17: 'HAM-D' } as Record<string, string>)[id] ?? id.toUpperCase();

/** The criterion's name: 年齢, PHQ-9 の重症度, or the program's own words for an exclusion. */
export function criterionLabel(c: Criterion, d: EnrolmentDetail, t: T): string {
  const lang = currentLanguage();
  if (c.kind === 'age') return t('rec.crit.age');
  if (c.kind === 'diagnosis') return t('rec.crit.diagnosis');
  if (c.kind === 'severity') return t('rec.crit.severity', { scale: scaleName(String(c.params.scale)) });
  const x = d.program.eligibility.exclusions.find((e) => `exclusion:${e.id}` === c.id);
  return t('rec.exclusionText', { label: x ? pick(x.label, lang) : c.id.replace(/^exclusion:/, '') });
}

function range(min: unknown, max: unknown, t: T, keys: readonly [string, string, string]): string {
  if (min !== null && min !== undefined && max !== null && max !== undefined) return t(keys[0], { min, max });
  if (min !== null && min !== undefined) return t(keys[1], { min });
  return t(keys[2], { max });
}

/** What the criterion was decided on, as a sentence (never `min=12, max=75, age=36`). */
export function criterionBasis(c: Criterion, t: T): string {
  const lang = currentLanguage();
  const p = c.params;
  if (c.message) return c.message[lang];
  if (c.reason === 'no_score') return t('rec.noScore', { scale: scaleName(String(p.scale)) });
  if (c.reason === 'open_risk_alert') return t('rec.openRiskAlert', { n: p.alerts });
  if (c.kind === 'age' && p.age !== undefined) {
    return t('rec.ageText', { age: p.age, range: range(p.min, p.max, t, ['rec.rangeBoth', 'rec.rangeMin', 'rec.rangeMax']) });
  }
  if (c.kind === 'severity' && p.score !== undefined) {
    return t('rec.scoreText', { scale: scaleName(String(p.scale)), score: p.score, range: range(p.min, p.max, t, ['rec.scoreBoth', 'rec.scoreMin', 'rec.scoreMax']) });
  }
  if (c.kind === 'diagnosis') return p.matched ? t('rec.matched', { code: p.matched }) : t('rec.codesText', { codes: p.codes });
  if (c.kind === 'exclusion' && p.matched) return t('rec.matched', { code: p.matched });
  if (p.attested) return t('rec.attested');
  return '';
}

/** The evaluated criteria in words, with the outcome translated. */
export function Criteria({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const e = d.eligibility!;
  return (
    <section className="card card--wide" aria-labelledby="e-criteria">
      <h2 id="e-criteria">{t('rec.eligibility')}: {t(`rec.outcomes.${e.outcome}`)}</h2>
      <div className="table-scroll">
        <table className="table table--dense">
          <thead><tr><th scope="col">{t('rec.criterion')}</th><th scope="col">{t('rec.result')}</th><th scope="col">{t('rec.basis')}</th></tr></thead>
          <tbody>
            {e.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{criterionLabel(c, d, t)}</th>
                <td className="nowrap">{t(`prg.criteria.${c.status}`)}</td>
                <td className={c.reason === 'open_risk_alert' ? 'small criterion-blocked' : 'small'}>
                  {c.message || c.reason ? <strong className="criterion-reason">{criterionBasis(c, t)}</strong> : criterionBasis(c, t)}
                  {c.reason === 'open_risk_alert' ? <> <Link to="/alerts">{t('rec.alertsLink')}</Link></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The doctor's part of screening: diagnoses, and a statement for each criterion the data cannot
 * decide. Severity (decided by a score) and a suicide-intent exclusion blocked by an open alert are
 * never offered as a tick.
 */
export function EligibilityForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const [diagnoses, setDiagnoses] = useState('');
  const pending = (d.eligibility?.criteria ?? []).filter((c) => c.status === 'missing_data' && c.kind !== 'severity' && c.reason !== 'open_risk_alert');
  const [met, setMet] = useState<Record<string, boolean>>({});
  const errs = fieldErrors(error);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setOk(false);
    const dx = diagnoses.split(/[,、\s]+/).map((x) => x.trim()).filter(Boolean);
    try {
      await api(`/api/program-enrolments/${d.enrolment.id}/eligibility`, {
        method: 'POST',
        body: { ...(dx.length ? { diagnoses: dx } : {}), attestations: Object.entries(met).filter(([, v]) => v).map(([criterionId]) => ({ criterionId, met: true })) },
      });
      setOk(true);
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card card--wide" aria-labelledby="e-elig">
      <h2 id="e-elig">{t('rec.eligibility')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        <TextField label={t('prg.diagnoses')} value={diagnoses} placeholder="F32.1" onChange={(e) => setDiagnoses(e.target.value)} error={errs.diagnoses} />
        {pending.length ? (
          <fieldset>
            <legend>{t('prg.attest')}</legend>
            {pending.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" checked={met[c.id] ?? false} onChange={(e) => setMet((m) => ({ ...m, [c.id]: e.target.checked }))} /> {criterionLabel(c, d, t)} — {c.kind === 'exclusion' ? t('rec.attestNo') : t('prg.attestMet')}
              </label>
            ))}
          </fieldset>
        ) : null}
        <ErrorMessage error={error} />
        {ok ? <Alert tone="success">{t('prg.recorded')}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('prg.evaluate')}</button></div>
      </form>
    </section>
  );
}

/** Before consent: 「不適格・辞退」, not a consent withdrawal (there is no consent to withdraw). */
export function DeclineForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/program-enrolments/${d.enrolment.id}/transition`, { method: 'POST', body: { to: 'ineligible', reason: reason.trim() || t('rec.decline') } });
      setOk(true);
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      setError(err);
    }
  }
  if (ok) return <Alert tone="success">{t('rec.declined')}</Alert>;
  return (
    <section className="card card--wide" aria-labelledby="e-decline">
      <h2 id="e-decline">{t('rec.decline')}</h2>
      <p className="muted">{t('rec.declineHint')}</p>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        <TextField label={t('rec.declineReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldErrors(error).reason} />
        <ErrorMessage error={error} />
        <div className="form__actions"><button className="btn" type="submit">{t('rec.decline')}</button></div>
      </form>
    </section>
  );
}
