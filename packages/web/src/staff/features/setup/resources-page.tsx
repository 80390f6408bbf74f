import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Resource } from '@mimamori/core/scheduling/index';
import { api } from '../../../shared/api/client.ts';
import type { Staff } from '../../../shared/api/types.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useSchedulingConfig, type SchedulingConfig } from '../appointments/appointments-api.ts';
import { SaveStatus } from '../calendar-admin/save-status.tsx';
import { useConfigSaver } from '../calendar-admin/use-config-saver.ts';
import '../calendar-admin/calendar-admin.css';
import './setup.css';

/** The kinds of resource the clinic's services ask for (scheduling's role vocabulary). */
export const RESOURCE_KINDS = ['doctor', 'psychologist', 'nurse', 'tms_operator', 'room', 'infusion_chair', 'tms_device'] as const;

function useStaffList() {
  return useQuery({ queryKey: ['staff'], queryFn: () => api<{ items: Staff[] }>('/api/staff'), select: (r) => r.items });
}

/** A new resource's id: its first kind and a random tail (ids are never shown, only names). */
function newResourceId(kind: string): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return `${kind.replace(/_/g, '-').slice(0, 20)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** `/settings/resources`: add, rename, link to staff, deactivate the doctors, rooms and devices bookings take. */
export function ResourcesPage(): ReactNode {
  const { t } = useTranslation();
  const config = useSchedulingConfig();
  const staff = useStaffList();
  const [generation, setGeneration] = useState(0);
  if (config.isPending) return <Loading />;
  if (config.error) return <ErrorMessage error={config.error} />;
  const onStale = (): void => setGeneration((g) => g + 1);
  const people = (staff.data ?? []).filter((s) => s.status !== 'disabled');
  return (
    <Page title={t('clinicSetup.resourcesTitle')}>
      <p className="lead">{t('clinicSetup.resourcesIntro')}</p>
      <AddResource config={config.data} staff={people} onStale={onStale} key={`add-${generation}-${config.data.resources.length}`} />
      <section className="card" aria-labelledby="res-list-title">
        <h2 id="res-list-title">{t('clinicSetup.list')}</h2>
        {config.data.resources.length === 0 ? <p className="muted">{t('clinicSetup.noResources')}</p> : null}
        <div className="res-list">
          {config.data.resources.map((r) => (
            <ResourceRow key={`${r.id}-${generation}`} resource={r} config={config.data} staff={people} onStale={onStale} />
          ))}
        </div>
      </section>
      <ServiceNeeds config={config.data} />
    </Page>
  );
}

/** Checkboxes of resource kinds (the legend can be replaced, e.g. for what a service needs). */
export function KindChecks(props: { readonly kinds: readonly string[]; readonly setKinds: (k: string[]) => void; readonly extra: readonly string[]; readonly legend?: string }): ReactNode {
  const { t } = useTranslation();
  const all = [...RESOURCE_KINDS, ...props.extra.filter((k) => !(RESOURCE_KINDS as readonly string[]).includes(k))];
  return (
    <fieldset className="res-kinds">
      <legend>{props.legend ?? t('clinicSetup.kindsLegend')}</legend>
      {all.map((k) => (
        <label key={k} className="check">
          <input
            type="checkbox"
            checked={props.kinds.includes(k)}
            onChange={(e) => props.setKinds(e.target.checked ? [...props.kinds, k] : props.kinds.filter((x) => x !== k))}
          />
          {(RESOURCE_KINDS as readonly string[]).includes(k) ? t(`clinicSetup.kinds.${k}`) : k}
        </label>
      ))}
    </fieldset>
  );
}

function staffOptions(t: (k: string, o?: Record<string, string>) => string, staff: readonly Staff[]) {
  return [{ value: '', label: t('clinicSetup.noStaff') }, ...staff.map((s) => ({ value: s.id, label: t('clinicSetup.withRole', { name: s.displayName, role: t(`roles.${s.role}`) }) }))];
}

function AddResource(props: { readonly config: SchedulingConfig; readonly staff: readonly Staff[]; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [staffId, setStaffId] = useState('');
  const saver = useConfigSaver(props.onStale);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const id = newResourceId(kinds[0] ?? 'resource');
    const resource: Resource = { id, name: name.trim(), roles: kinds, ...(staffId ? { staffId } : {}) };
    void saver.run(`/api/scheduling/resources/${encodeURIComponent(id)}`, { resource, version: props.config.version });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="res-add-title">
      <h2 id="res-add-title">{t('clinicSetup.addResource')}</h2>
      <TextField label={t('clinicSetup.resourceName')} required value={name} error={saver.issues['resource.name']} onChange={(e) => setName(e.target.value)} />
      <KindChecks kinds={kinds} setKinds={setKinds} extra={[]} />
      <SelectField label={t('clinicSetup.linkedStaff')} value={staffId} options={staffOptions(t, props.staff)} onChange={(e) => setStaffId(e.target.value)} />
      <SaveStatus saver={saver} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={saver.busy || name.trim() === '' || kinds.length === 0}>
          {t('clinicSetup.add')}
        </button>
      </div>
    </form>
  );
}

function ResourceRow(props: { readonly resource: Resource; readonly config: SchedulingConfig; readonly staff: readonly Staff[]; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const r = props.resource;
  const [name, setName] = useState(r.name);
  const [kinds, setKinds] = useState<string[]>([...r.roles]);
  const [staffId, setStaffId] = useState(r.staffId ?? '');
  const [active, setActive] = useState(r.active !== false);
  const saver = useConfigSaver(props.onStale);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const { staffId: _old, ...rest } = r;
    const resource: Resource = { ...rest, name: name.trim(), roles: kinds, active, ...(staffId ? { staffId } : {}) };
    void saver.run(`/api/scheduling/resources/${encodeURIComponent(r.id)}`, { resource, version: props.config.version });
  };
  return (
    <form className="cal-service" onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          {r.name} {r.active === false ? <span className="muted small">{t('clinicSetup.inactive')}</span> : null}
        </legend>
        <TextField label={t('clinicSetup.resourceName')} value={name} onChange={(e) => setName(e.target.value)} />
        <KindChecks kinds={kinds} setKinds={setKinds} extra={r.roles} />
        <SelectField label={t('clinicSetup.linkedStaff')} value={staffId} options={staffOptions(t, props.staff)} onChange={(e) => setStaffId(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('clinicSetup.active')}
        </label>
        <SaveStatus saver={saver} />
        <button type="submit" className="btn btn--small" disabled={saver.busy || name.trim() === '' || kinds.length === 0}>
          {t('clinicSetup.saveResource', { name: r.name })}
        </button>
      </fieldset>
    </form>
  );
}

/** Which resources each service takes, and which of them the clinic has none of yet. */
function ServiceNeeds({ config }: { readonly config: SchedulingConfig }): ReactNode {
  const { t, i18n } = useTranslation();
  const have = new Set(config.resources.filter((r) => r.active !== false).flatMap((r) => r.roles));
  const word = (role: string): string => ((RESOURCE_KINDS as readonly string[]).includes(role) ? t(`clinicSetup.kinds.${role}`) : role);
  return (
    <section className="card" aria-labelledby="res-needs-title">
      <h2 id="res-needs-title">{t('clinicSetup.servicesNeed')}</h2>
      <ul>
        {config.services
          .filter((s) => s.active !== false)
          .map((s) => {
            const missing = s.requires.filter((q) => !have.has(q.role)).map((q) => word(q.role));
            return (
              <li key={s.id}>
                {t('clinicSetup.serviceNeeds', { service: i18n.language === 'en' ? s.nameEn : s.name, roles: s.requires.map((q) => word(q.role)).join(' + ') })}{' '}
                {missing.length > 0 ? <span className="muted">{t('clinicSetup.missingRole', { roles: missing.join(t('clinicSetup.listSep')) })}</span> : null}
              </li>
            );
          })}
      </ul>
      <p>
        <Link to="/calendar-admin#cal-services">{t('clinicSetup.editServices')}</Link>
      </p>
    </section>
  );
}
