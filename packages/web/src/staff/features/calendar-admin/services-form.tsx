import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@mimamori/core/scheduling/index';
import { SelectField, TextField } from '../../components/field.tsx';
import type { SchedulingConfig } from '../appointments/appointments-api.ts';
import { SaveStatus } from './save-status.tsx';
import { useConfigSaver } from './use-config-saver.ts';

/** The clinic's services, each saved on its own: duration, buffer, who may book it, active. */
export function ServicesForm({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="cal-services">
      <h2 id="cal-services">{t('calAdmin.services')}</h2>
      <div className="cal-services">
        {config.services.map((s) => (
          <ServiceRow key={s.id} service={s} version={config.version} onStale={onStale} en={i18n.language === 'en'} />
        ))}
      </div>
    </section>
  );
}

function ServiceRow(props: {
  readonly service: Service;
  readonly version: number;
  readonly en: boolean;
  readonly onStale: () => void;
}): ReactNode {
  const { service, version, en, onStale } = props;
  const { t } = useTranslation();
  const [duration, setDuration] = useState(String(service.durationMinutes));
  const [buffer, setBuffer] = useState(String(service.bufferAfterMinutes ?? 0));
  const [channel, setChannel] = useState(service.channel);
  const [active, setActive] = useState(service.active !== false);
  const saver = useConfigSaver(onStale);
  const name = en ? service.nameEn : service.name;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void saver.run(`/api/scheduling/services/${encodeURIComponent(service.id)}`, {
      service: { ...service, durationMinutes: Number(duration), bufferAfterMinutes: Number(buffer), channel, active },
      version,
    });
  };
  return (
    <form className="cal-service" onSubmit={submit}>
      <fieldset>
        <legend>
          {name} <span className="muted small">({service.requires.map((r) => r.role).join(' + ')})</span>
        </legend>
        <div className="booking__row">
          <TextField
            label={t('calAdmin.duration')}
            type="number"
            min={5}
            max={480}
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
          <TextField
            label={t('calAdmin.bufferAfter')}
            type="number"
            min={0}
            max={120}
            inputMode="numeric"
            value={buffer}
            onChange={(e) => setBuffer(e.target.value)}
          />
          <SelectField
            label={t('calAdmin.channel')}
            value={channel}
            options={(['staff_only', 'patient_online'] as const).map((c) => ({ value: c, label: t(`calAdmin.channels.${c}`) }))}
            onChange={(e) => setChannel(e.target.value as Service['channel'])}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('calAdmin.active')}
        </label>
        <SaveStatus saver={saver} />
        <button type="submit" className="btn btn--small" disabled={saver.busy}>
          {t('calAdmin.saveService', { name })}
        </button>
      </fieldset>
    </form>
  );
}
