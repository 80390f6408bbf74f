import './programs.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { pick, usePrograms, type L10n } from './programs-api.ts';
import { RetentionCard } from './retention-card.tsx';

interface ExampleInput {
  readonly id: string; readonly title: L10n; readonly price: { amountExclTaxYen: number; taxRatePercent: number; rounding: string };
  readonly sessions: { readonly serviceId?: string } & Record<string, unknown>;
}

/** The clinic's programs; admins and doctors define a new one starting from an example. */
export function ProgramsPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const programs = usePrograms();
  return (
    <Page title={t('prg.title')}>
      {programs.isLoading ? <Loading /> : null}
      <ErrorMessage error={programs.error} />
      {programs.data && programs.data.items.length === 0 ? <p className="empty">{t('prg.none')}</p> : null}
      <ul className="cards">
        {programs.data?.items.map(({ program }) => (
          <li key={program.id} className="card">
            <h2>
              <Link to={`/programs/${program.id}`}>{pick(program.title, lang)}</Link>
            </h2>
            <p className="muted small">
              {t('prg.version', { v: program.version })}
              {program.registryId ? ` · ${program.registryId}` : ''}
              {program.ethicsApprovalId ? ` · ${program.ethicsApprovalId}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {can('programs:admin') ? <RetentionCard /> : null}
      {can('programs:admin') ? <DefineProgram /> : null}
    </Page>
  );
}

function DefineProgram(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const examples = useQuery({ queryKey: ['programs', 'examples'], queryFn: ({ signal }) => api<{ items: ExampleInput[] }>('/api/programs/examples', { signal }) });
  const [exampleId, setExampleId] = useState('');
  const [form, setForm] = useState({ id: '', titleJa: '', titleEn: '', ethics: '', registry: '', price: '', serviceId: '' });
  // The reservations services the sessions can be booked as (the clinic's own list).
  const services = useQuery({
    queryKey: ['scheduling', 'config', 'services'],
    queryFn: ({ signal }) => api<{ services: { id: string; name: string; nameEn?: string; active?: boolean }[] }>('/api/scheduling/config', { signal }),
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const items = examples.data?.items ?? [];
  const chosen = items.find((x) => x.id === (exampleId || items[0]?.id));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!chosen) return;
    setError(null);
    setDone(false);
    try {
      await api('/api/programs', {
        method: 'POST',
        body: {
          ...chosen,
          id: form.id || chosen.id,
          title: { ja: form.titleJa || chosen.title.ja, en: form.titleEn || chosen.title.en },
          ...(form.ethics ? { ethicsApprovalId: form.ethics } : {}),
          ...(form.registry ? { registryId: form.registry } : {}),
          price: { ...chosen.price, amountExclTaxYen: form.price === '' ? chosen.price.amountExclTaxYen : Number(form.price) },
          sessions: { ...chosen.sessions, ...(form.serviceId ? { serviceId: form.serviceId } : {}) },
        },
      });
      setDone(true);
      await qc.invalidateQueries({ queryKey: ['programs'] });
    } catch (err) {
      setError(err);
    }
  }
  const errs = fieldErrors(error);
  return (
    <section className="card card--wide" aria-labelledby="define-program">
      <h2 id="define-program">{t('prg.define')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        <SelectField label={t('prg.fromExample')} value={chosen?.id ?? ''} onChange={(e) => setExampleId(e.target.value)} options={items.map((x) => ({ value: x.id, label: pick(x.title, currentLanguage()) }))} />
        <TextField label="ID" value={form.id} placeholder={chosen?.id} onChange={set('id')} error={errs.id} />
        <TextField label={t('prg.titleJa')} value={form.titleJa} placeholder={chosen?.title.ja} onChange={set('titleJa')} error={errs['title.ja']} />
        <TextField label={t('prg.titleEn')} value={form.titleEn} placeholder={chosen?.title.en} onChange={set('titleEn')} error={errs['title.en']} />
        <TextField label={t('prg.ethics')} value={form.ethics} onChange={set('ethics')} error={errs.ethicsApprovalId} />
        <TextField label={t('prg.registry')} value={form.registry} placeholder="jRCTs031180032" onChange={set('registry')} error={errs.registryId} />
        <SelectField
          label={t('prg.bookingService')}
          value={form.serviceId || chosen?.sessions.serviceId || ''}
          onChange={set('serviceId')}
          error={errs['sessions.serviceId']}
          options={(services.data?.services ?? []).filter((x) => x.active !== false).map((x) => ({ value: x.id, label: currentLanguage() === 'en' && x.nameEn ? x.nameEn : x.name }))}
        />
        <TextField label={t('prg.price')} inputMode="numeric" value={form.price} placeholder={String(chosen?.price.amountExclTaxYen ?? '')} onChange={set('price')} error={errs['price.amountExclTaxYen']} />
        <ErrorMessage error={error} />
        {done ? <Alert tone="success">{t('prg.created')}</Alert> : null}
        <div className="form__actions">
          <button className="btn btn--primary" type="submit">{t('prg.create')}</button>
        </div>
      </form>
    </section>
  );
}
