import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { ErrorDetails } from './error-details.tsx';
import { useCatalogue, useCrisisContacts, type CrisisContact } from './scales-api.ts';
import './scales.css';

type Format = 'definition' | 'fhir' | 'text-pack';

function ImportForm(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cat = useCatalogue();
  const [format, setFormat] = useState<Format>('definition');
  const [scaleId, setScaleId] = useState('');
  const [content, setContent] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api<{ scaleId: string; version: string; decision: string }>('/api/scales/import', {
        method: 'POST',
        body: { format, content, ...(format === 'text-pack' ? { scaleId } : {}) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scales'] }),
  });
  return (
    <form
      className="form form--wide"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <p className="small">{t('scl.importHelp')}</p>
      <SelectField
        label={t('scl.format')}
        value={format}
        onChange={(e) => setFormat(e.target.value as Format)}
        options={(['definition', 'fhir', 'text-pack'] as const).map((f) => ({ value: f, label: t(`scl.formats.${f}`) }))}
      />
      {format === 'text-pack' ? (
        <SelectField
          label={t('scl.scale')}
          value={scaleId}
          required
          onChange={(e) => setScaleId(e.target.value)}
          options={[{ value: '', label: '—' }, ...(cat.data ?? []).map((s) => ({ value: s.id, label: `${s.shortName} (${s.textIncluded ? t('scl.textYes') : t('scl.textNo')})` }))]}
        />
      ) : null}
      <div className="field">
        <label htmlFor="scale-file">{t('scl.file')}</label>
        <input
          id="scale-file"
          type="file"
          accept=".json,application/json,application/fhir+json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(setContent);
          }}
        />
      </div>
      <TextAreaField label={t('scl.content')} rows={12} className="mono" value={content} required onChange={(e) => setContent(e.target.value)} />
      {m.isError ? <ErrorDetails error={m.error} /> : null}
      {m.isSuccess ? <Alert tone="success">{t('scl.imported', { id: m.data.scaleId, version: m.data.version, decision: m.data.decision })}</Alert> : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={!content.trim() || m.isPending}>
          {t('scl.doImport')}
        </button>
      </div>
    </form>
  );
}

const EMPTY: CrisisContact = { nameJa: '', nameEn: '', phone: '', url: '', hoursJa: '', hoursEn: '', source: '', uncertain: false };

function CrisisEditor(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const q = useCrisisContacts();
  const [rows, setRows] = useState<CrisisContact[]>([]);
  useEffect(() => {
    if (q.data) setRows(q.data.contacts);
  }, [q.data]);
  const m = useMutation({
    mutationFn: () =>
      api('/api/crisis-contacts', {
        method: 'PUT',
        body: { contacts: rows.map((r) => ({ ...r, phone: r.phone || null, url: r.url || null, hoursJa: r.hoursJa || null, hoursEn: r.hoursEn || null, source: r.source || null, audience: r.audience ?? 'all', checkedOn: r.checkedOn || null })) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scales', 'crisis'] }),
  });
  if (q.isError) return <ErrorMessage error={q.error} />;
  const editable = can('crisis:edit');
  const set = (i: number, patch: Partial<CrisisContact>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cols: ReadonlyArray<[keyof CrisisContact, string]> = [
    ['nameJa', t('scl.nameJa')], ['nameEn', t('scl.nameEn')], ['phone', t('scl.phone')], ['hoursJa', t('scl.hoursJa')], ['hoursEn', t('scl.hoursEn')], ['url', t('scl.url')], ['source', t('scl.sourceCol')],
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <p className="small">{t('scl.crisisHelp')}</p>
      {q.data?.isDefault ? <Alert tone="info">{t('scl.crisisDefault')}</Alert> : null}
      <div className="crisis-rows">
        {rows.map((r, i) => (
          <fieldset key={i} className="crisis-row">
            <legend>
              {i + 1}. {r.nameJa || '—'}
            </legend>
            {cols.map(([k, label]) => (
              <div className="field" key={k}>
                <label htmlFor={`cc-${i}-${k}`}>{label}</label>
                <input id={`cc-${i}-${k}`} disabled={!editable} value={String(r[k] ?? '')} onChange={(e) => set(i, { [k]: e.target.value })} />
              </div>
            ))}
            <div className="field">
              <label htmlFor={`cc-${i}-audience`}>{t('scl.audience')}</label>
              <select id={`cc-${i}-audience`} disabled={!editable} value={r.audience ?? 'all'} onChange={(e) => set(i, { audience: e.target.value as 'all' | 'adult' | 'child' })}>
                <option value="all">{t('scl.audienceAll')}</option>
                <option value="adult">{t('scl.audienceAdult')}</option>
                <option value="child">{t('scl.audienceChild')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`cc-${i}-checked`}>{t('scl.checkedOn')}</label>
              <input id={`cc-${i}-checked`} type="date" disabled={!editable} value={r.checkedOn ?? ''} onChange={(e) => set(i, { checkedOn: e.target.value || null })} />
            </div>
            <label className="check">
              <input type="checkbox" disabled={!editable} checked={r.uncertain} onChange={(e) => set(i, { uncertain: e.target.checked })} /> {t('scl.uncertain')}
            </label>
            {editable ? (
              <button type="button" className="btn btn--quiet btn--small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                {t('scl.remove')}
              </button>
            ) : null}
          </fieldset>
        ))}
      </div>
      {m.isError ? <ErrorDetails error={m.error} /> : null}
      {m.isSuccess ? <Alert tone="success">{t('common.saved', { defaultValue: '✓' })}</Alert> : null}
      {editable ? (
        <div className="form__actions">
          <button type="button" className="btn" onClick={() => setRows((rs) => [...rs, EMPTY])}>
            {t('scl.add')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={m.isPending || rows.length === 0}>
            {t('scl.save')}
          </button>
        </div>
      ) : null}
    </form>
  );
}

/** Admin: import definitions; clinicians with `crisis:edit`: the crisis contact list. */
export function ScalesAdminPage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Page title={t('scl.adminTitle')}>
      {can('scales:admin') ? (
        <section className="card card--wide" aria-labelledby="import-title">
          <h2 id="import-title">{t('scl.importTitle')}</h2>
          <ImportForm />
        </section>
      ) : null}
      <section className="card card--wide" aria-labelledby="crisis-title">
        <h2 id="crisis-title">{t('scl.crisisTitle')}</h2>
        <CrisisEditor />
      </section>
    </Page>
  );
}
