import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SITE_TEXT_FIELDS, type SiteContent } from '@mimamori/core/publicsite/site-content';
import { demoSiteContent } from '@mimamori/core/publicsite/demo-public-site';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { useSession } from '../../session/session.tsx';

interface SiteView {
  readonly version: number;
  readonly content: SiteContent | null;
  readonly history: ReadonlyArray<{ version: number; createdAt: string; createdBy: string | null }>;
}
interface RecruitmentList {
  readonly pages: ReadonlyArray<{ programId: string; programTitle: { ja: string; en: string }; version: number; status: string | null; published: boolean }>;
}

const KEY = ['publicsite', 'content'];
const empty: SiteContent = Object.fromEntries([...SITE_TEXT_FIELDS.map((f) => [f, { ja: '', en: '' }]), ['mapUrl', '']]) as unknown as SiteContent;

/**
 * The administrators' editor of the clinic's public pages (`/p/`): the texts in Japanese and
 * English. Hours, closures, phone and address are shown from the scheduling settings, not typed here.
 */
export function PublicSitePage(): ReactNode {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const canRecruit = session.can('programs:admin');
  const q = useQuery({ queryKey: KEY, queryFn: () => api<SiteView>('/api/publicsite/content') });
  const list = useQuery({ queryKey: ['publicsite', 'recruitment'], queryFn: () => api<RecruitmentList>('/api/publicsite/recruitment'), enabled: canRecruit });
  const [form, setForm] = useState<SiteContent | null>(null);
  useEffect(() => {
    if (q.data && form === null) setForm(q.data.content ?? empty);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: () => api<{ version: number }>('/api/publicsite/content', { method: 'PUT', body: { content: form, expectedVersion: q.data?.version ?? 0 } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  const title = t('publicsite.title');
  if (q.isError) return <Page title={title}><ErrorMessage error={q.error} /></Page>;
  if (!q.data || !form) return <Page title={title}><p>{t('common.loading')}</p></Page>;
  const errs = fieldErrors(save.error);
  const set = (f: (typeof SITE_TEXT_FIELDS)[number], lang: 'ja' | 'en', v: string) => setForm({ ...form, [f]: { ...form[f], [lang]: v } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Page title={title}>
      <p className="lead">{t('publicsite.lead')}</p>
      <p><a href={`/p/${lang === 'en' ? '?lang=en' : ''}`} target="_blank" rel="noopener noreferrer">{t('publicsite.open')}</a> · <Link to="/calendar-admin">{t('publicsite.hoursFrom')}</Link></p>
      <form className="card card--wide form" onSubmit={submit} aria-labelledby="site-form">
        <h2 id="site-form">{t('publicsite.texts')}</h2>
        {q.data.content === null ? (
          <p><button type="button" className="btn btn--quiet" onClick={() => setForm(demoSiteContent)}>{t('publicsite.startFromExample')}</button></p>
        ) : null}
        {SITE_TEXT_FIELDS.map((f) => (
          <fieldset key={f} className="publicsite__pair">
            <legend>{t(`publicsite.field.${f}`)}</legend>
            {(['ja', 'en'] as const).map((l) => {
              const props = { label: `${t(`publicsite.field.${f}`)}${parenthesized(l === 'ja' ? '日本語' : 'English', lang)}`, value: form[f][l], error: errs[`${f}.${l}`], onChange: (e: { target: { value: string } }) => set(f, l, e.target.value), lang: l };
              return f === 'clinicName' || f === 'tagline' ? <TextField key={l} {...props} required={f === 'clinicName'} /> : <TextAreaField key={l} rows={f === 'privacy' ? 8 : 4} {...props} />;
            })}
          </fieldset>
        ))}
        <TextField label={t('publicsite.field.mapUrl')} type="url" value={form.mapUrl} error={errs.mapUrl} hint={t('publicsite.mapHint')} onChange={(e) => setForm({ ...form, mapUrl: e.target.value })} />
        {save.isError ? <ErrorMessage error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{t('publicsite.saved', { version: save.data.version })}</p> : null}
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('publicsite.save')}</button>
      </form>
      <section className="card card--wide" aria-labelledby="site-history">
        <h2 id="site-history">{t('publicsite.history')}</h2>
        {q.data.history.length === 0 ? <p className="empty">{t('publicsite.noHistory')}</p> : (
          <ul>{q.data.history.map((h) => <li key={h.version}>{t('publicsite.version', { version: h.version })} — {formatDateTime(h.createdAt)}</li>)}</ul>
        )}
      </section>
      {canRecruit ? (
        <section className="card card--wide" aria-labelledby="recruit-list">
          <h2 id="recruit-list">{t('publicsite.recruitment')}</h2>
          <p>{t('publicsite.recruitmentLead')}</p>
          {list.data ? (
            <ul>
              {list.data.pages.map((p) => (
                <li key={p.programId}>
                  <Link to={`/public-site/recruitment/${encodeURIComponent(p.programId)}`}>{p.programTitle[lang]}</Link>
                  {' — '}{p.published ? t('publicsite.published') : p.version > 0 ? t('publicsite.draft') : t('publicsite.none')}
                </li>
              ))}
            </ul>
          ) : <p>{t('common.loading')}</p>}
        </section>
      ) : null}
    </Page>
  );
}
