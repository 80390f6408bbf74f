import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import type { EnrolmentDetail } from './programs-api.ts';
import { nowLocal, withOffset } from './treatment-api.ts';

const TARGETS = ['left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'dmpfc', 'other'] as const;
const PROTOCOLS = ['rtms_10hz', 'rtms_1hz', 'itbs', 'ctbs', 'other'] as const;
const HZ: Record<string, string> = { rtms_10hz: '10', rtms_1hz: '1', itbs: '50', ctbs: '50' };
const TARGETINGS = ['five_cm', 'beam_f3', 'neuronavigation', 'other'] as const;

/**
 * The TMS session record: device and coil, the motor threshold (resting or active, method, date,
 * % MSO), intensity as % of it, targeting, protocol, pulses, trains and their interval, sessions a
 * day; the first session also carries the seizure-risk screening. The last session's device,
 * threshold and protocol are offered again.
 */
export function TmsForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const last = [...d.sessions].reverse().find((s) => s.kind === 'tms');
  const prev = last?.kind === 'tms' ? last : undefined;
  const n = d.sessions.length + 1;
  const [f, setF] = useState({
    device: prev?.device ?? '', coil: prev?.coil ?? '',
    mtKind: prev?.motorThreshold?.kind ?? 'resting', mtMethod: prev?.motorThreshold?.method ?? 'visual', mtDate: prev?.motorThreshold?.measuredOn ?? d.today, mtPercent: String(prev?.motorThreshold?.percentMso ?? ''),
    targeting: prev?.targeting ?? 'beam_f3', target: prev?.target ?? 'left_dlpfc', protocol: prev?.protocol ?? 'rtms_10hz', frequencyHz: String(prev?.frequencyHz ?? '10'),
    intensity: String(prev?.intensityPercentMt ?? '120'), pulses: String(prev?.pulses ?? '3000'), trains: String(prev?.trains ?? '75'), iti: String(prev?.interTrainIntervalS ?? '26'), perDay: String(prev?.sessionsPerDay ?? '1'),
    seizureDate: d.today, seizureResult: 'no_risk_found', seizureNotes: '', startedAt: nowLocal(), endedAt: nowLocal(38), notes: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const errs = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value, ...(k === 'protocol' && HZ[e.target.value] ? { frequencyHz: HZ[e.target.value]! } : {}) }));
  const num = (v: string) => (v === '' ? undefined : Number(v));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setOk(null);
    const body = {
      ...(f.device ? { device: f.device } : {}), ...(f.coil ? { coil: f.coil } : {}),
      ...(f.mtPercent ? { motorThreshold: { kind: f.mtKind, method: f.mtMethod, measuredOn: f.mtDate, percentMso: Number(f.mtPercent) } } : {}),
      targeting: f.targeting, target: f.target, protocol: f.protocol, frequencyHz: num(f.frequencyHz), intensityPercentMt: num(f.intensity), pulses: num(f.pulses),
      trains: num(f.trains), interTrainIntervalS: num(f.iti), sessionsPerDay: num(f.perDay),
      ...(n === 1 ? { seizureScreening: { screenedOn: f.seizureDate, result: f.seizureResult, ...(f.seizureNotes ? { notes: f.seizureNotes } : {}) } } : {}),
      startedAt: withOffset(f.startedAt), endedAt: withOffset(f.endedAt), ...(f.notes ? { notes: f.notes } : {}),
    };
    try {
      await api(`/api/program-enrolments/${d.enrolment.id}/sessions`, { method: 'POST', body });
      setOk(t('trt.recorded'));
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      setError(err);
    }
  }
  const opts = (xs: readonly string[], key: string) => xs.map((x) => ({ value: x, label: t(`${key}.${x}`) }));
  return (
    <section className="card card--wide" aria-labelledby="e-tms" id="record">
      <h2 id="e-tms">{t('trt.tmsTitle', { n })}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        {n === 1 ? (
          <fieldset className="prg-vitals">
            <legend>{t('trt.seizure')}</legend>
            <TextField label={t('trt.seizureDate')} type="date" value={f.seizureDate} onChange={set('seizureDate')} error={errs['seizureScreening.screenedOn'] ?? errs.seizureScreening} />
            <SelectField label={t('trt.seizureResult')} value={f.seizureResult} onChange={set('seizureResult')} options={opts(['no_risk_found', 'risk_found'], 'trt.seizureResults')} error={errs['seizureScreening.result']} />
            <TextField label={t('trt.seizureNotes')} value={f.seizureNotes} onChange={set('seizureNotes')} error={errs['seizureScreening.notes']} />
          </fieldset>
        ) : null}
        <TextField label={t('trt.device')} value={f.device} onChange={set('device')} error={errs.device} />
        <TextField label={t('trt.coil')} value={f.coil} onChange={set('coil')} error={errs.coil} />
        <fieldset className="prg-vitals">
          <legend>{t('trt.mt')}</legend>
          <SelectField label={t('trt.mtKind')} value={f.mtKind} onChange={set('mtKind')} options={opts(['resting', 'active'], 'trt.mtKinds')} error={errs['motorThreshold.kind']} />
          <SelectField label={t('trt.mtMethod')} value={f.mtMethod} onChange={set('mtMethod')} options={opts(['visual', 'emg'], 'trt.mtMethods')} error={errs['motorThreshold.method']} />
          <TextField label={t('trt.mtDate')} type="date" value={f.mtDate} onChange={set('mtDate')} error={errs['motorThreshold.measuredOn']} />
          <TextField label={t('trt.mtPercent')} inputMode="decimal" value={f.mtPercent} onChange={set('mtPercent')} error={errs['motorThreshold.percentMso'] ?? errs.motorThreshold} />
        </fieldset>
        <TextField label={t('trt.intensity')} inputMode="decimal" value={f.intensity} onChange={set('intensity')} error={errs.intensityPercentMt} />
        <SelectField label={t('trt.targeting')} value={f.targeting} onChange={set('targeting')} options={opts(TARGETINGS, 'trt.targetings')} error={errs.targeting} />
        <SelectField label={t('trt.target')} value={f.target} onChange={set('target')} options={opts(TARGETS, 'trt.targets')} error={errs.target} />
        <SelectField label={t('trt.protocol')} value={f.protocol} onChange={set('protocol')} options={opts(PROTOCOLS, 'trt.protocols')} error={errs.protocol} />
        <TextField label={t('trt.frequency')} inputMode="decimal" value={f.frequencyHz} onChange={set('frequencyHz')} error={errs.frequencyHz} />
        <TextField label={t('trt.pulses')} inputMode="numeric" value={f.pulses} onChange={set('pulses')} error={errs.pulses} />
        <TextField label={t('trt.trains')} inputMode="numeric" value={f.trains} onChange={set('trains')} error={errs.trains} />
        <TextField label={t('trt.iti')} inputMode="decimal" value={f.iti} onChange={set('iti')} error={errs.interTrainIntervalS} />
        <TextField label={t('trt.sessionsPerDay')} inputMode="numeric" value={f.perDay} onChange={set('perDay')} error={errs.sessionsPerDay} />
        <TextField label={t('trt.start')} type="datetime-local" value={f.startedAt} onChange={set('startedAt')} error={errs.startedAt} />
        <TextField label={t('trt.end')} type="datetime-local" value={f.endedAt} onChange={set('endedAt')} error={errs.endedAt} />
        <TextAreaField label={t('trt.notes')} value={f.notes} onChange={set('notes')} error={errs.notes} rows={2} />
        <ErrorMessage error={error} />
        {ok ? <Alert tone="success">{ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('trt.recordSession')}</button></div>
      </form>
    </section>
  );
}
