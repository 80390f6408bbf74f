import './programs.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useSession } from '../../session/session.tsx';
import { pick, usePrograms, useTimeline, type Program } from './programs-api.ts';
import { useAnalytes, type Analyte } from './records-api.ts';
import { CoInterventionStopChange, MedicationStopChange } from './record-stop-change.tsx';
import { parenthesized } from '../../../shared/format/holiday-name.ts';

const MED_UNITS = ['mg', 'μg', 'g', 'mL', 'tablet', 'capsule', 'packet', 'drop', 'puff', 'patch', 'unit'];
const FREQS = ['once_daily', 'twice_daily', 'three_times_daily', 'four_times_daily', 'at_bedtime', 'weekly', 'prn', 'other'];
const ROUTES = ['oral', 'sublingual', 'transdermal', 'intramuscular', 'intravenous', 'subcutaneous', 'intranasal', 'rectal', 'other'];
const CLASSES = ['ssri', 'snri', 'nassa', 'tricyclic', 'other_antidepressant', 'antipsychotic', 'mood_stabiliser', 'benzodiazepine', 'hypnotic', 'adhd_stimulant', 'adhd_non_stimulant', 'antiepileptic', 'supplement', 'other'];
const CO_KINDS = ['cbt', 'other_psychotherapy', 'counselling', 'family_therapy', 'group_therapy', 'psychoeducation', 'ect', 'other_neuromodulation', 'light_therapy', 'exercise_program', 'day_care', 'other'];

/** The clinic's wall-clock now as `datetime-local` wants it. */
const nowLocal = (): string => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};
/** `datetime-local` has no zone: the browser's offset is added so the server never guesses. */
const withOffset = (local: string): string => (local ? new Date(local).toISOString() : '');
const numOrText = (s: string): number | string | undefined => (s.trim() === '' ? undefined : Number.isFinite(Number(s)) ? Number(s) : s);

/** A form's post: field errors in place, the list refreshed on success. */
function usePost(patientId: string) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  async function run(path: string, body: unknown, success: string): Promise<boolean> {
    setError(null);
    setOk(null);
    try {
      await api(path, { method: 'POST', body });
      setOk(success);
      await qc.invalidateQueries({ queryKey: ['program-timeline', patientId] });
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }
  return { error, ok, run, errs: fieldErrors(error) };
}

/** Labs, medicines and co-interventions of one patient, entered where staff work (reached from the patient and the timeline). */
export function PatientRecordsPage(): ReactNode {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const tl = useTimeline(id);
  const analytes = useAnalytes();
  const d = tl.data;
  if (!d || !analytes.data) return <Page title={t('rec.title')}>{tl.isLoading || analytes.isLoading ? <Loading /> : <ErrorMessage error={tl.error ?? analytes.error} />}</Page>;
  return (
    <Page title={`${t('rec.title')} — ${d.patient.nameKanji}${parenthesized(d.patient.patientNumber, currentLanguage())}`}>
      <p><Link to={`/patients/${id}/program-timeline`}>{t('rec.back')}</Link>{can('programs:admin') ? <> · <Link to="/programs/lab-analytes">{t('rec.catalogueLink')}</Link></> : null}</p>
      {can('programs:record') ? (
        <>
          <LabForm patientId={id} analytes={analytes.data.items} enrolments={d.enrolments} />
          <MedicationForm patientId={id} />
          <CoInterventionForm patientId={id} />
        </>
      ) : null}
      <section className="card card--wide" aria-labelledby="rec-meds">
        <h2 id="rec-meds">{t('rec.currentMeds')}</h2>
        {d.medications.length ? (
          <ul>{d.medications.map((m) => (
            <li key={m.id}>
              {m.genericName}{m.yjCode ? `${parenthesized(m.yjCode, currentLanguage())}` : ''} {m.dose}{t(`rec.units.${m.unit}`)}/日 {t(`rec.freqs.${m.frequency}`)}{m.route ? ` ${ROUTES.includes(m.route) ? t(`rec.routes.${m.route}`) : m.route}` : ''}{m.drugClass ? ` — ${t(`rec.classes.${m.drugClass}`)}` : ''}{m.startDate || m.stopDate ? ` ${m.startDate ?? ''}〜${m.stopDate ?? ''}` : ''}
              {m.changes.map((c) => <span key={c.date}>{' · '}{t('rec.changeShown', { date: c.date, what: [c.dose !== undefined ? `${c.dose}${t(`rec.units.${c.unit ?? m.unit}`)}/日` : c.unit ? t(`rec.units.${c.unit}`) : '', c.frequency ? t(`rec.freqs.${c.frequency}`) : ''].filter(Boolean).join(' ') })}</span>)}
              {can('programs:record') ? <MedicationStopChange med={m} patientId={id} units={MED_UNITS} freqs={FREQS} /> : null}
            </li>
          ))}</ul>
        ) : <p className="muted">{t('rec.none')}</p>}
      </section>
      <section className="card card--wide" aria-labelledby="rec-co">
        <h2 id="rec-co">{t('rec.currentCo')}</h2>
        {d.coInterventions.length ? (
          <ul>{d.coInterventions.map((c) => (
            <li key={c.id}>
              {t(`rec.coKinds.${c.kind}`)}{c.description ? `${parenthesized(c.description, currentLanguage())}` : ''}{c.provider ? ` — ${c.provider}` : ''} {c.startDate}〜{c.stopDate ?? ''}
              {can('programs:record') ? <CoInterventionStopChange co={c} patientId={id} label={t(`rec.coKinds.${c.kind}`)} /> : null}
            </li>
          ))}</ul>
        ) : <p className="muted">{t('rec.none')}</p>}
      </section>
    </Page>
  );
}

function LabForm({ patientId, analytes, enrolments }: { readonly patientId: string; readonly analytes: readonly Analyte[]; readonly enrolments: readonly { id: string; programId: string; status: string }[] }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const a = usePost(patientId);
  const programs = usePrograms();
  const titleOf = (programId: string): string => pick(programs.data?.items.find((p) => p.program.id === programId)?.program.title, lang) || programId;
  const open = enrolments.filter((e) => !['withdrawn', 'completed', 'ineligible', 'lost_to_follow_up'].includes(e.status));
  const [f, setF] = useState({
    analyte: analytes[0]?.id ?? '', value: '', comparator: '', unit: analytes[0]?.canonicalUnit ?? '', sampleType: analytes[0]?.sampleTypes[0] ?? 'serum', collectedAt: nowLocal(),
    fasting: 'true', assay: '', assayLot: '', assayBatch: '', processingDelayMinutes: '', freezeThawCount: '', enrolmentId: open[0]?.id ?? '', notes: '', windowOverrideReason: '',
  });
  const enrolment = open.find((e) => e.id === f.enrolmentId);
  const program = useQuery({
    queryKey: ['programs', enrolment?.programId],
    enabled: Boolean(enrolment),
    queryFn: ({ signal }) => api<{ program: Program }>(`/api/programs/${encodeURIComponent(enrolment!.programId)}`, { signal }),
  });
  const plan = program.data?.program.labPlan?.find((p) => p.analyte === f.analyte);
  const def = analytes.find((x) => x.id === f.analyte);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  function chooseAnalyte(id: string): void {
    const d = analytes.find((x) => x.id === id);
    setF((x) => ({ ...x, analyte: id, unit: d?.canonicalUnit ?? '', sampleType: d?.sampleTypes[0] ?? x.sampleType, windowOverrideReason: '' }));
  }
  const outside = a.error instanceof ApiError && a.error.extra.needsConfirmation === true;
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const sampleType = plan ? plan.sampleType : f.sampleType;
    const body: Record<string, unknown> = {
      analyte: f.analyte, value: numOrText(f.value), unit: f.unit, sampleType, collectedAt: withOffset(f.collectedAt), fasting: f.fasting === 'true', assay: f.assay,
      ...(f.comparator ? { comparator: f.comparator } : {}),
      ...(f.assayLot ? { assayLot: f.assayLot } : {}), ...(f.assayBatch ? { assayBatch: f.assayBatch } : {}),
      ...(f.processingDelayMinutes ? { processingDelayMinutes: numOrText(f.processingDelayMinutes) } : {}),
      ...(f.freezeThawCount ? { freezeThawCount: numOrText(f.freezeThawCount) } : {}),
      ...(f.enrolmentId ? { enrolmentId: f.enrolmentId } : {}), ...(f.notes ? { notes: f.notes } : {}),
      ...(outside && f.windowOverrideReason ? { windowOverrideReason: f.windowOverrideReason } : {}),
    };
    if (await a.run(`/api/patients/${encodeURIComponent(patientId)}/program-labs`, body, t('rec.recorded'))) setF((x) => ({ ...x, value: '', windowOverrideReason: '' }));
  }
  return (
    <section className="card card--wide" aria-labelledby="rec-lab">
      <h2 id="rec-lab">{t('rec.lab')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        {open.length ? (
          <SelectField label={t('rec.enrolment')} value={f.enrolmentId} onChange={set('enrolmentId')} error={a.errs.enrolmentId}
            options={[{ value: '', label: t('rec.noEnrolment') }, ...open.map((e) => ({ value: e.id, label: `${titleOf(e.programId)}${parenthesized(t(`prg.statuses.${e.status}`), currentLanguage())}` }))]} />
        ) : null}
        <SelectField label={t('rec.analyte')} value={f.analyte} onChange={(e) => chooseAnalyte(e.target.value)} error={a.errs.analyte}
          options={analytes.map((x) => ({ value: x.id, label: `${pick(x.label, lang)} — ${t(`rec.categories.${x.category}`)}` }))} />
        <div className="prg-row">
          <SelectField label={t('rec.comparator')} value={f.comparator} onChange={set('comparator')} options={[{ value: '', label: t('rec.compNone') }, { value: '<', label: t('rec.compLt') }, { value: '>', label: t('rec.compGt') }]} />
          <TextField label={t('rec.value')} inputMode="decimal" value={f.value} onChange={set('value')} error={a.errs.value} required />
          <SelectField label={t('rec.unit')} value={f.unit} onChange={set('unit')} error={a.errs.unit} options={(def?.units ?? []).map((u) => ({ value: u, label: u }))} />
        </div>
        {plan ? (
          <p className="prg-fixed" id="rec-fixed">{t('rec.programFixes', { sample: t(`rec.samples.${plan.sampleType}`) })}{plan.collectionWindow ? ` ${t('rec.window', plan.collectionWindow)}` : ''}</p>
        ) : null}
        <SelectField label={t('rec.sampleType')} value={plan ? plan.sampleType : f.sampleType} onChange={set('sampleType')} disabled={Boolean(plan)} error={a.errs.sampleType}
          options={(def?.sampleTypes ?? []).map((s) => ({ value: s, label: t(`rec.samples.${s}`) }))} />
        <TextField label={t('rec.collectedAt')} type="datetime-local" value={f.collectedAt} onChange={set('collectedAt')} error={a.errs.collectedAt} required />
        <SelectField label={t('rec.fasting')} value={f.fasting} onChange={set('fasting')} options={[{ value: 'true', label: t('rec.yes') }, { value: 'false', label: t('rec.no') }]} error={a.errs.fasting} />
        <TextField label={t('rec.assay')} value={f.assay} onChange={set('assay')} error={a.errs.assay} required />
        <div className="prg-row">
          <TextField label={t('rec.assayLot')} value={f.assayLot} onChange={set('assayLot')} error={a.errs.assayLot} />
          <TextField label={t('rec.assayBatch')} value={f.assayBatch} onChange={set('assayBatch')} error={a.errs.assayBatch} />
        </div>
        <div className="prg-row">
          <TextField label={t('rec.processingDelay')} inputMode="numeric" value={f.processingDelayMinutes} onChange={set('processingDelayMinutes')} error={a.errs.processingDelayMinutes} />
          <TextField label={t('rec.freezeThaw')} inputMode="numeric" value={f.freezeThawCount} onChange={set('freezeThawCount')} error={a.errs.freezeThawCount} />
        </div>
        <TextField label={t('rec.notes')} value={f.notes} onChange={set('notes')} error={a.errs.notes} />
        <ErrorMessage error={a.error} />
        {outside ? <TextField label={t('rec.windowReason')} value={f.windowOverrideReason} onChange={set('windowOverrideReason')} error={a.errs.windowOverrideReason} required /> : null}
        {a.ok ? <Alert tone="success">{a.ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{outside ? t('rec.confirmOutside') : t('rec.record')}</button></div>
      </form>
    </section>
  );
}

function MedicationForm({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const a = usePost(patientId);
  const blank = { genericName: '', yjCode: '', drugClass: '', dose: '', unit: 'mg', frequency: 'once_daily', route: 'oral', startDate: '', stopDate: '', indication: '' };
  const [f, setF] = useState(blank);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const body = {
      genericName: f.genericName, dose: numOrText(f.dose), unit: f.unit, frequency: f.frequency, route: f.route,
      ...(f.yjCode ? { yjCode: f.yjCode } : {}), ...(f.drugClass ? { drugClass: f.drugClass } : {}), ...(f.startDate ? { startDate: f.startDate } : {}),
      ...(f.stopDate ? { stopDate: f.stopDate } : {}), ...(f.indication ? { indication: f.indication } : {}),
    };
    if (await a.run(`/api/patients/${encodeURIComponent(patientId)}/program-medications`, body, t('rec.recorded'))) setF(blank);
  }
  return (
    <section className="card card--wide" aria-labelledby="rec-med">
      <h2 id="rec-med">{t('rec.medication')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('rec.genericName')} value={f.genericName} onChange={set('genericName')} error={a.errs.genericName} required />
        <div className="prg-row">
          <TextField label={t('rec.yjCode')} value={f.yjCode} onChange={set('yjCode')} error={a.errs.yjCode} />
          <SelectField label={t('rec.drugClass')} value={f.drugClass} onChange={set('drugClass')} error={a.errs.drugClass} options={[{ value: '', label: '—' }, ...CLASSES.map((c) => ({ value: c, label: t(`rec.classes.${c}`) }))]} />
        </div>
        <div className="prg-row">
          <TextField label={t('rec.dose')} inputMode="decimal" value={f.dose} onChange={set('dose')} error={a.errs.dose} required />
          <SelectField label={t('rec.unit')} value={f.unit} onChange={set('unit')} error={a.errs.unit} options={MED_UNITS.map((u) => ({ value: u, label: t(`rec.units.${u}`) }))} />
          <SelectField label={t('rec.frequency')} value={f.frequency} onChange={set('frequency')} error={a.errs.frequency} options={FREQS.map((x) => ({ value: x, label: t(`rec.freqs.${x}`) }))} />
        </div>
        <SelectField label={t('rec.route')} value={f.route} onChange={set('route')} error={a.errs.route} options={ROUTES.map((x) => ({ value: x, label: t(`rec.routes.${x}`) }))} />
        <div className="prg-row">
          <TextField label={t('rec.startDate')} type="date" value={f.startDate} onChange={set('startDate')} error={a.errs.startDate} />
          <TextField label={t('rec.stopDate')} type="date" value={f.stopDate} onChange={set('stopDate')} error={a.errs.stopDate} />
        </div>
        <TextField label={t('rec.indication')} value={f.indication} onChange={set('indication')} error={a.errs.indication} />
        <ErrorMessage error={a.error} />
        {a.ok ? <Alert tone="success">{a.ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('rec.record')}</button></div>
      </form>
    </section>
  );
}

function CoInterventionForm({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const a = usePost(patientId);
  const blank = { kind: 'cbt', description: '', provider: '', sessionsPerMonth: '', startDate: '', stopDate: '' };
  const [f, setF] = useState(blank);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const body = {
      kind: f.kind, ...(f.description ? { description: f.description } : {}), ...(f.provider ? { provider: f.provider } : {}),
      ...(f.sessionsPerMonth ? { sessionsPerMonth: numOrText(f.sessionsPerMonth) } : {}), ...(f.startDate ? { startDate: f.startDate } : {}), ...(f.stopDate ? { stopDate: f.stopDate } : {}),
    };
    if (await a.run(`/api/patients/${encodeURIComponent(patientId)}/co-interventions`, body, t('rec.recorded'))) setF(blank);
  }
  return (
    <section className="card card--wide" aria-labelledby="rec-coform">
      <h2 id="rec-coform">{t('rec.coIntervention')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField label={t('rec.coKind')} value={f.kind} onChange={set('kind')} error={a.errs.kind} options={CO_KINDS.map((k) => ({ value: k, label: t(`rec.coKinds.${k}`) }))} />
        <TextAreaField label={t('rec.description')} value={f.description} onChange={set('description')} error={a.errs.description} required={f.kind === 'other'} rows={2} />
        <div className="prg-row">
          <TextField label={t('rec.provider')} value={f.provider} onChange={set('provider')} error={a.errs.provider} />
          <TextField label={t('rec.perMonth')} inputMode="decimal" value={f.sessionsPerMonth} onChange={set('sessionsPerMonth')} error={a.errs.sessionsPerMonth} />
        </div>
        <div className="prg-row">
          <TextField label={t('rec.startDate')} type="date" value={f.startDate} onChange={set('startDate')} error={a.errs.startDate} required />
          <TextField label={t('rec.stopDate')} type="date" value={f.stopDate} onChange={set('stopDate')} error={a.errs.stopDate} />
        </div>
        <ErrorMessage error={a.error} />
        {a.ok ? <Alert tone="success">{a.ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('rec.record')}</button></div>
      </form>
    </section>
  );
}
