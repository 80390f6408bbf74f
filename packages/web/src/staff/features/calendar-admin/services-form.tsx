import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@mimamori/core/scheduling/index';
import { SelectField, TextField } from '../../components/field.tsx';
import type { SchedulingConfig } from '../appointments/appointments-api.ts';
import { KindChecks, RESOURCE_KINDS } from '../setup/resources-page.tsx';
import { SaveStatus } from './save-status.tsx';
import { useConfigSaver } from './use-config-saver.ts';

/** A new service's id: a random tail (ids are never shown, only names). */
function newServiceId(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return `service-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The clinic's services, each saved on its own: names, duration, buffer, who may book it, the
 * staff and equipment it needs, active; and a form to add one. The first visit (the service that
 * sends the WEB問診) stays bookable by staff only — the server refuses otherwise.
 */
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
      <AddService config={config} onStale={onStale} key={`add-${config.services.length}`} />
    </section>
  );
}

function roleWord(t: (k: string) => string, role: string): string {
  return (RESOURCE_KINDS as readonly string[]).includes(role) ? t(`clinicSetup.kinds.${role}`) : role;
}

function ServiceFields(props: {
  readonly value: Service;
  readonly set: (s: Service) => void;
  readonly issues: Readonly<Record<string, string>>;
  readonly extraKinds: readonly string[];
}): ReactNode {
  const { t } = useTranslation();
  const { value: s, set, issues } = props;
  const firstVisit = s.sendsIntake === true;
  return (
    <>
      <div className="booking__row">
        <TextField label={t('calAdmin.serviceName')} required maxLength={60} value={s.name} error={issues['name']} onChange={(e) => set({ ...s, name: e.target.value })} />
        <TextField label={t('calAdmin.serviceNameEn')} required maxLength={60} value={s.nameEn} error={issues['nameEn']} onChange={(e) => set({ ...s, nameEn: e.target.value })} />
      </div>
      <div className="booking__row">
        <TextField
          label={t('calAdmin.duration')}
          type="number"
          min={5}
          max={480}
          inputMode="numeric"
          value={Number.isNaN(s.durationMinutes) ? '' : String(s.durationMinutes)}
          error={issues['durationMinutes']}
          onChange={(e) => set({ ...s, durationMinutes: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        />
        <TextField
          label={t('calAdmin.bufferAfter')}
          type="number"
          min={0}
          max={120}
          inputMode="numeric"
          value={String(s.bufferAfterMinutes ?? 0)}
          error={issues['bufferAfterMinutes']}
          onChange={(e) => set({ ...s, bufferAfterMinutes: Number(e.target.value) })}
        />
        {firstVisit ? null : (
          <SelectField
            label={t('calAdmin.channel')}
            value={s.channel}
            error={issues['channel']}
            options={(['staff_only', 'patient_online'] as const).map((c) => ({ value: c, label: t(`calAdmin.channels.${c}`) }))}
            onChange={(e) => set({ ...s, channel: e.target.value as Service['channel'] })}
          />
        )}
      </div>
      {firstVisit ? <p className="muted small">{t('calAdmin.firstVisitStaffOnly')}</p> : null}
      <KindChecks
        legend={t('calAdmin.needsLegend')}
        kinds={s.requires.map((r) => r.role)}
        setKinds={(kinds) => set({ ...s, requires: kinds.map((role) => s.requires.find((r) => r.role === role) ?? { role }) })}
        extra={props.extraKinds}
      />
      <label className="check">
        <input type="checkbox" checked={s.active !== false} onChange={(e) => set({ ...s, active: e.target.checked })} />
        {t('calAdmin.active')}
      </label>
    </>
  );
}

/** The body the API takes: a number that is not one is sent as such, so the server words the error. */
function toBody(s: Service): Service {
  return { ...s, name: s.name.trim(), nameEn: s.nameEn.trim(), durationMinutes: Number.isNaN(s.durationMinutes) ? 0 : s.durationMinutes };
}

function ServiceRow(props: {
  readonly service: Service;
  readonly version: number;
  readonly en: boolean;
  readonly onStale: () => void;
}): ReactNode {
  const { service, version, en, onStale } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Service>({ ...service, active: service.active !== false });
  const saver = useConfigSaver(onStale);
  const name = en ? service.nameEn : service.name;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void saver.run(`/api/scheduling/services/${encodeURIComponent(service.id)}`, { service: toBody(draft), version });
  };
  return (
    <form className="cal-service" onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          {name} <span className="muted small">({service.requires.map((r) => roleWord(t, r.role)).join(' + ')})</span>{' '}
          {service.active === false ? <span className="muted small">{t('calAdmin.inactive')}</span> : null}
        </legend>
        <ServiceFields value={draft} set={setDraft} issues={saver.issues} extraKinds={service.requires.map((r) => r.role)} />
        <SaveStatus saver={saver} />
        <button type="submit" className="btn btn--small" disabled={saver.busy}>
          {t('calAdmin.saveService', { name })}
        </button>
      </fieldset>
    </form>
  );
}

function AddService({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Service>({ id: '', name: '', nameEn: '', durationMinutes: 30, requires: [], channel: 'staff_only', active: true });
  const saver = useConfigSaver(onStale);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const id = newServiceId();
    void saver.run(`/api/scheduling/services/${encodeURIComponent(id)}`, { service: { ...toBody(draft), id }, version: config.version });
  };
  return (
    <form className="cal-service" onSubmit={submit} noValidate aria-labelledby="cal-service-add">
      <fieldset>
        <legend id="cal-service-add">{t('calAdmin.addService')}</legend>
        <ServiceFields value={draft} set={setDraft} issues={saver.issues} extraKinds={[]} />
        <SaveStatus saver={saver} />
        <button type="submit" className="btn btn--small btn--primary" disabled={saver.busy}>
          {t('calAdmin.addServiceButton')}
        </button>
      </fieldset>
    </form>
  );
}
