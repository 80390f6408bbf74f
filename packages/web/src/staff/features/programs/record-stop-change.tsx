import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoIntervention } from '@mimamori/core/medication/co-intervention';
import type { ConcomitantMedication, MedicationChange } from '@mimamori/core/medication/concomitant-medication';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';

/** The dose, unit and frequency in force after all of a medicine's dated changes. */
export function currentDosing(m: ConcomitantMedication): { dose: number; unit: string; frequency: string } {
  let cur = { dose: m.dose, unit: m.unit as string, frequency: m.frequency as string };
  for (const c of m.changes ?? []) cur = { dose: c.dose ?? cur.dose, unit: c.unit ?? cur.unit, frequency: c.frequency ?? cur.frequency };
  return cur;
}

/** A record's PUT body: the record itself without the ids the path carries. */
function bodyOf<T extends { id: string; patientId: string }>(r: T): Omit<T, 'id' | 'patientId'> {
  const { id: _id, patientId: _p, ...rest } = r;
  return rest;
}

/** The inline 「中止・変更」 action: a button that opens a small form; saves through the record's PUT. */
function useStopChange(patientId: string) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  async function put(path: string, body: unknown): Promise<void> {
    setError(null);
    setOk(false);
    try {
      await api(path, { method: 'PUT', body });
      setOk(true);
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['program-timeline', patientId] });
    } catch (e) {
      setError(e);
    }
  }
  return { open, setOpen, error, setError, ok, put, errs: fieldErrors(error) };
}

function Toggle({ open, onClick, label, controls }: { readonly open: boolean; readonly onClick: () => void; readonly label: string; readonly controls: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn--small" aria-expanded={open} aria-controls={controls} aria-label={label} onClick={onClick}>{t('rec.stopChange')}</button>
  );
}

/** 「中止・変更」 for a medicine: a stop date, and/or a dated change of dose, unit or frequency (kept in `changes`). */
export function MedicationStopChange({ med, patientId, units, freqs }: { readonly med: ConcomitantMedication; readonly patientId: string; readonly units: readonly string[]; readonly freqs: readonly string[] }): ReactNode {
  const { t } = useTranslation();
  const s = useStopChange(patientId);
  const formId = useId();
  const cur = currentDosing(med);
  const start = { stopDate: med.stopDate ?? '', changeDate: '', dose: String(cur.dose), unit: cur.unit, frequency: cur.frequency, note: '' };
  const [f, setF] = useState(start);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const index = med.changes.length;
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setLocal({});
    const dose = Number(f.dose);
    const change: Record<string, unknown> = {
      ...(f.dose.trim() !== String(cur.dose) ? { dose: f.dose.trim() === '' || !Number.isFinite(dose) ? f.dose : dose } : {}),
      ...(f.unit !== cur.unit ? { unit: f.unit } : {}),
      ...(f.frequency !== cur.frequency ? { frequency: f.frequency } : {}),
    };
    const changed = Object.keys(change).length > 0;
    if (changed && !f.changeDate) return setLocal({ changeDate: t('rec.changeNeedsDate') });
    if (!changed && !f.changeDate && f.stopDate === (med.stopDate ?? '')) return setLocal({ form: t('rec.nothingToSave') });
    const changes: Array<MedicationChange | Record<string, unknown>> = [...med.changes];
    if (f.changeDate) changes.push({ date: f.changeDate, ...change, ...(f.note ? { note: f.note } : {}) });
    const { stopDate: _old, ...rest } = bodyOf(med);
    await s.put(`/api/patients/${encodeURIComponent(patientId)}/program-medications/${encodeURIComponent(med.id)}`, { ...rest, ...(f.stopDate ? { stopDate: f.stopDate } : {}), changes });
  }
  const ce = (k: string) => local[k] ?? s.errs[`changes.${index}.${k}`];
  return (
    <>
      {' '}<Toggle open={s.open} controls={formId} label={t('rec.stopChangeOf', { name: med.genericName })} onClick={() => { s.setOpen(!s.open); s.setError(null); setLocal({}); setF(start); }} />
      {s.ok ? <Alert tone="success">{t('rec.saved')}</Alert> : null}
      {s.open ? (
        <form id={formId} className="form form--wide" onSubmit={(e) => void submit(e)} noValidate aria-label={t('rec.stopChangeOf', { name: med.genericName })}>
          <TextField label={t('rec.stopOn')} type="date" value={f.stopDate} onChange={set('stopDate')} error={s.errs.stopDate} />
          <TextField label={t('rec.changeFrom')} type="date" value={f.changeDate} onChange={set('changeDate')} error={ce('date') ?? s.errs[`changes.${index}`]} />
          <div className="prg-row">
            <TextField label={t('rec.dose')} inputMode="decimal" value={f.dose} onChange={set('dose')} error={ce('dose')} />
            <SelectField label={t('rec.unit')} value={f.unit} onChange={set('unit')} error={ce('unit')} options={units.map((u) => ({ value: u, label: t(`rec.units.${u}`) }))} />
            <SelectField label={t('rec.frequency')} value={f.frequency} onChange={set('frequency')} error={ce('frequency')} options={freqs.map((x) => ({ value: x, label: t(`rec.freqs.${x}`) }))} />
          </div>
          <TextField label={t('rec.changeNote')} value={f.note} onChange={set('note')} error={ce('note')} />
          {local.form ? <Alert tone="error">{local.form}</Alert> : null}
          <ErrorMessage error={s.error} />
          <div className="form__actions">
            <button className="btn btn--primary" type="submit">{t('rec.save')}</button>
            <button className="btn" type="button" onClick={() => s.setOpen(false)}>{t('rec.cancel')}</button>
          </div>
        </form>
      ) : null}
    </>
  );
}

/** 「中止・変更」 for a co-intervention: its stop date. */
export function CoInterventionStopChange({ co, patientId, label }: { readonly co: CoIntervention; readonly patientId: string; readonly label: string }): ReactNode {
  const { t } = useTranslation();
  const s = useStopChange(patientId);
  const formId = useId();
  const [stopDate, setStopDate] = useState(co.stopDate ?? '');
  const [local, setLocal] = useState<string | null>(null);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setLocal(null);
    if (stopDate === (co.stopDate ?? '')) return setLocal(t('rec.nothingToSave'));
    const { stopDate: _old, ...rest } = bodyOf(co);
    await s.put(`/api/patients/${encodeURIComponent(patientId)}/co-interventions/${encodeURIComponent(co.id)}`, { ...rest, ...(stopDate ? { stopDate } : {}) });
  }
  return (
    <>
      {' '}<Toggle open={s.open} controls={formId} label={t('rec.stopChangeOf', { name: label })} onClick={() => { s.setOpen(!s.open); s.setError(null); setLocal(null); setStopDate(co.stopDate ?? ''); }} />
      {s.ok ? <Alert tone="success">{t('rec.saved')}</Alert> : null}
      {s.open ? (
        <form id={formId} className="form form--wide" onSubmit={(e) => void submit(e)} noValidate aria-label={t('rec.stopChangeOf', { name: label })}>
          <TextField label={t('rec.stopOn')} type="date" value={stopDate} onChange={(e) => setStopDate(e.target.value)} error={s.errs.stopDate ?? local ?? undefined} />
          <ErrorMessage error={s.error} />
          <div className="form__actions">
            <button className="btn btn--primary" type="submit">{t('rec.save')}</button>
            <button className="btn" type="button" onClick={() => s.setOpen(false)}>{t('rec.cancel')}</button>
          </div>
        </form>
      ) : null}
    </>
  );
}
