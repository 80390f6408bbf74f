import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../components/field.tsx';
import type { SchedulingConfig } from '../appointments/appointments-api.ts';
import { SaveStatus } from './save-status.tsx';
import { useConfigSaver } from './use-config-saver.ts';

/** Booking rules: the online change cut-off, holds, and patients' notice and horizon (the phone is a clinic fact). */
export function PolicyForm({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const p = config.policy;
  const [cutoff, setCutoff] = useState(p.changeCutoff.kind === 'day_before_at' ? p.changeCutoff.time : '18:00');
  const [hold, setHold] = useState(String(p.holdMinutes));
  const [notice, setNotice] = useState(String(p.limits.patient.minNoticeMinutes));
  const [horizon, setHorizon] = useState(String(p.limits.patient.horizonDays));
  const saver = useConfigSaver(onStale);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void saver.run('/api/scheduling/policy', {
      policy: {
        ...p,
        limits: { ...p.limits, patient: { minNoticeMinutes: Number(notice), horizonDays: Number(horizon) } },
        changeCutoff: { kind: 'day_before_at', time: cutoff },
        holdMinutes: Number(hold),
      },
      version: config.version,
    });
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="cal-policy">
      <h2 id="cal-policy">{t('calAdmin.policy')}</h2>
      <p className="small">
        <Link to="/settings/clinic">{t('clinicSetup.factsLink')}</Link>
      </p>
      <div className="booking__row">
        <TextField label={t('calAdmin.cutoffTime')} type="time" step={300} value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
        <TextField
          label={t('calAdmin.holdMinutes')}
          type="number"
          min={1}
          max={60}
          value={hold}
          onChange={(e) => setHold(e.target.value)}
        />
        <TextField label={t('calAdmin.patientNotice')} type="number" min={0} value={notice} onChange={(e) => setNotice(e.target.value)} />
        <TextField
          label={t('calAdmin.patientHorizon')}
          type="number"
          min={1}
          max={400}
          value={horizon}
          onChange={(e) => setHorizon(e.target.value)}
        />
      </div>
      <SaveStatus saver={saver} />
      <button type="submit" className="btn btn--primary" disabled={saver.busy}>
        {t('calAdmin.savePolicy')}
      </button>
    </form>
  );
}
