import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import type { EnrolmentDetail } from './programs-api.ts';
import { formatDose, nowLocal, useLots, withOffset } from './treatment-api.ts';

const ROUTES = ['intravenous', 'intramuscular', 'subcutaneous', 'intranasal', 'inhalation', 'other'] as const;
const UNITS = ['mL', 'particles', 'mg'] as const;
const VITALS: ReadonlyArray<readonly [string, string]> = [
  ['systolicMmHg', 'trt.sys'], ['diastolicMmHg', 'trt.dia'], ['heartRateBpm', 'trt.hr'], ['temperatureC', 'trt.temp'], ['spo2Percent', 'trt.spo2'], ['respiratoryRatePerMin', 'trt.rr'],
];

type VitalsState = Record<string, string>;

/** Vital signs before, during or after, with the respiratory rate and the time they were taken. */
export function VitalsFieldset({ prefix, v, set, errs }: { prefix: 'vitalsBefore' | 'vitalsDuring' | 'vitalsAfter'; v: VitalsState; set: (k: string, x: string) => void; errs: Record<string, string> }): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset className="prg-vitals">
      <legend>{t(`trt.${prefix}`)}</legend>
      {VITALS.map(([k, label]) => <TextField key={k} label={t(label)} inputMode="decimal" value={v[k] ?? ''} onChange={(e) => set(k, e.target.value)} error={errs[`${prefix}.${k}`]} />)}
      <TextField label={t('trt.measuredAt')} type="datetime-local" value={v.measuredAt ?? ''} onChange={(e) => set('measuredAt', e.target.value)} error={errs[`${prefix}.measuredAt`]} />
    </fieldset>
  );
}

/** Numbers as numbers, the time with its offset; empty fields left out. */
export function vitalsBody(v: VitalsState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '').map(([k, x]) => [k, k === 'measuredAt' ? withOffset(x) : Number(x)]));
}

/**
 * The nurse's infusion record: a lot from the list (its certificate on file) or typed in, the dose in
 * mL, particles or mg with the weight and the dose per kg, the route in words, thaw / diluent / rate /
 * premedication, vitals before, during and after (with the respiratory rate), and who observed for how
 * long. A dose outside its window asks for the reason and is recorded with it.
 */
export function InfusionForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const { session } = useSession();
  const qc = useQueryClient();
  const lots = useLots(d.program.id);
  const released = (lots.data?.items ?? []).filter((l) => l.releaseProblems.length === 0);
  const [f, setF] = useState({
    lotId: '', product: '', manufacturer: '', lot: '', expiryDate: '', doseValue: '', doseUnit: 'particles', weightKg: '', volumeMl: '', route: 'intravenous',
    thawedAt: '', diluent: '', diluentVolumeMl: '', rateMlPerHour: '', premedication: '', startedAt: nowLocal(), endedAt: nowLocal(45),
    observationMinutes: '30', observerName: session?.user.displayName ?? '', notes: '',
  });
  const [vb, setVb] = useState<VitalsState>({});
  const [vd, setVd] = useState<VitalsState>({});
  const [va, setVa] = useState<VitalsState>({});
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [outside, setOutside] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const errs = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const dose = Number(f.doseValue);
  const weight = Number(f.weightKg);
  const perKg = f.doseValue && f.weightKg && dose > 0 && weight > 0 ? formatDose(dose / weight) : null;
  const n = d.sessions.length + 1;

  async function submit(e: FormEvent | null, withReason?: string): Promise<void> {
    e?.preventDefault();
    setError(null);
    setOk(null);
    const lotFields = f.lotId ? { lotId: f.lotId } : { product: f.product, manufacturer: f.manufacturer, lot: f.lot, expiryDate: f.expiryDate };
    const body = {
      ...lotFields, route: f.route,
      ...(f.doseValue ? { dose: { value: dose, unit: f.doseUnit } } : {}),
      ...(f.weightKg ? { weightKg: weight } : {}),
      ...(f.volumeMl ? { volumeMl: Number(f.volumeMl) } : {}),
      ...(f.thawedAt ? { thawedAt: withOffset(f.thawedAt) } : {}),
      ...(f.diluent ? { diluent: f.diluent } : {}),
      ...(f.diluentVolumeMl ? { diluentVolumeMl: Number(f.diluentVolumeMl) } : {}),
      ...(f.rateMlPerHour ? { rateMlPerHour: Number(f.rateMlPerHour) } : {}),
      ...(f.premedication ? { premedication: f.premedication } : {}),
      startedAt: withOffset(f.startedAt), endedAt: withOffset(f.endedAt),
      vitalsBefore: vitalsBody(vb), vitalsAfter: vitalsBody(va),
      ...(Object.values(vd).some(Boolean) ? { vitalsDuring: vitalsBody(vd) } : {}),
      ...(f.observationMinutes ? { observation: { minutes: Number(f.observationMinutes), ...(f.observerName ? { observerName: f.observerName } : {}) } } : {}),
      ...(f.notes ? { notes: f.notes } : {}),
      ...(withReason !== undefined ? { outsideWindowReason: withReason } : {}),
    };
    try {
      const r = await api<{ session: { appointment?: { appointmentId: string; status: 'completed' | 'cancelled' } } }>(`/api/program-enrolments/${d.enrolment.id}/sessions`, { method: 'POST', body });
      setOutside(null);
      setReason('');
      const a = r.session.appointment;
      setOk(`${t('trt.recorded')}${a ? ` ${t('trt.apptReleased', { id: a.appointmentId.slice(0, 8), status: t(`trt.apptStatus.${a.status}`) })}` : ''}`);
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.extra.needsConfirmation === 'outside_window') {
        setOutside(err.message);
        return;
      }
      setError(err);
    }
  }

  return (
    <section className="card card--wide" aria-labelledby="e-inf" id="record">
      <h2 id="e-inf">{t('trt.infusionTitle', { n })}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        <SelectField label={t('trt.fromLot')} value={f.lotId} onChange={set('lotId')} error={errs.lotId}
          options={[{ value: '', label: t('trt.typeLot') }, ...released.map((l) => ({ value: l.lot.id, label: `${l.lot.lot} — ${l.lot.product}（${t('trt.expiry')} ${l.lot.expiryDate}）` }))]} />
        {f.lotId ? null : (
          <>
            <TextField label={t('trt.product')} value={f.product} onChange={set('product')} error={errs.product} />
            <TextField label={t('trt.manufacturer')} value={f.manufacturer} onChange={set('manufacturer')} error={errs.manufacturer} />
            <TextField label={t('trt.lot')} value={f.lot} onChange={set('lot')} error={errs.lot} />
            <TextField label={t('trt.expiry')} type="date" value={f.expiryDate} onChange={set('expiryDate')} error={errs.expiryDate} />
          </>
        )}
        <fieldset className="prg-vitals">
          <legend>{t('trt.doseValue')}</legend>
          <TextField label={t('trt.doseValue')} inputMode="decimal" value={f.doseValue} onChange={set('doseValue')} error={errs['dose.value'] ?? errs.dose} hint={f.doseUnit === 'particles' ? '2e10 = 2×10¹⁰' : undefined} />
          <SelectField label={t('trt.doseUnit')} value={f.doseUnit} onChange={set('doseUnit')} options={UNITS.map((u) => ({ value: u, label: t(`trt.units.${u}`) }))} error={errs['dose.unit']} />
          <TextField label={t('trt.weight')} inputMode="decimal" value={f.weightKg} onChange={set('weightKg')} error={errs.weightKg} />
          <p className="small" aria-live="polite" data-testid="per-kg">{perKg ? t('trt.perKg', { value: perKg, unit: t(`trt.units.${f.doseUnit}`) }) : t('trt.perKgNeedsWeight')}</p>
        </fieldset>
        <TextField label={t('trt.volume')} inputMode="decimal" value={f.volumeMl} onChange={set('volumeMl')} error={errs.volumeMl} />
        <SelectField label={t('trt.route')} value={f.route} onChange={set('route')} options={ROUTES.map((x) => ({ value: x, label: t(`trt.routes.${x}`) }))} error={errs.route} />
        <TextField label={t('trt.thawedAt')} type="datetime-local" value={f.thawedAt} onChange={set('thawedAt')} error={errs.thawedAt} />
        <TextField label={t('trt.diluent')} value={f.diluent} onChange={set('diluent')} error={errs.diluent} />
        <TextField label={t('trt.diluentVolume')} inputMode="decimal" value={f.diluentVolumeMl} onChange={set('diluentVolumeMl')} error={errs.diluentVolumeMl} />
        <TextField label={t('trt.rate')} inputMode="decimal" value={f.rateMlPerHour} onChange={set('rateMlPerHour')} error={errs.rateMlPerHour} />
        <TextField label={t('trt.premedication')} value={f.premedication} onChange={set('premedication')} error={errs.premedication} />
        <TextField label={t('trt.start')} type="datetime-local" value={f.startedAt} onChange={set('startedAt')} error={errs.startedAt} />
        <TextField label={t('trt.end')} type="datetime-local" value={f.endedAt} onChange={set('endedAt')} error={errs.endedAt} />
        <VitalsFieldset prefix="vitalsBefore" v={vb} set={(k, x) => setVb((o) => ({ ...o, [k]: x }))} errs={errs} />
        <VitalsFieldset prefix="vitalsDuring" v={vd} set={(k, x) => setVd((o) => ({ ...o, [k]: x }))} errs={errs} />
        <VitalsFieldset prefix="vitalsAfter" v={va} set={(k, x) => setVa((o) => ({ ...o, [k]: x }))} errs={errs} />
        <fieldset className="prg-vitals">
          <legend>{t('trt.observation')}</legend>
          <TextField label={t('trt.observationMinutes')} inputMode="numeric" value={f.observationMinutes} onChange={set('observationMinutes')} error={errs['observation.minutes']} />
          <TextField label={t('trt.observer')} value={f.observerName} onChange={set('observerName')} error={errs['observation.observerName']} />
        </fieldset>
        <TextAreaField label={t('trt.notes')} value={f.notes} onChange={set('notes')} error={errs.notes} rows={2} />
        <ErrorMessage error={error} />
        {ok ? <Alert tone="success">{ok}</Alert> : null}
        {outside ? (
          <div role="alert" className="prg-outside">
            <Alert tone="warning"><strong>{t('trt.outsideTitle')}</strong> {outside}</Alert>
            <TextAreaField label={t('trt.outsideReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errs.outsideWindowReason} rows={2} />
            <button className="btn btn--primary" type="button" onClick={() => void submit(null, reason)}>{t('trt.confirmOutside')}</button>
          </div>
        ) : (
          <div className="form__actions"><button className="btn btn--primary" type="submit">{t('trt.record')}</button></div>
        )}
      </form>
    </section>
  );
}
