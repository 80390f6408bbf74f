import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { checkRecruitmentPage } from '@mimamori/core/publicsite/check-recruitment-page';
import { emptyRecruitmentContent, RECRUITMENT_TEXT_FIELDS, type RecruitmentContent, type RecruitmentTextField } from '@mimamori/core/publicsite/recruitment-page';
import { RECRUITMENT_RULES } from '@mimamori/core/publicsite/recruitment-rules';
import { api } from '../../../shared/api/client.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';

interface EditView {
  readonly programId: string;
  readonly version: number;
  readonly status: 'draft' | 'published' | 'withdrawn' | null;
  readonly publishedVersion: number | null;
  readonly content: RecruitmentContent | null;
}

const UNAPPROVED_FIELDS: ReadonlyArray<RecruitmentTextField> = ['unapprovedStatement', 'procurement', 'alternatives', 'foreignSafety', 'reliefSystem'];

/**
 * A program's recruitment page: the 限定解除 items of the 医療広告ガイドライン as fields, the check
 * run as the editor types (what is missing blocks publishing; forbidden wording is warned with the
 * rule), saved as a draft, published or withdrawn — each a new version.
 */
export function RecruitmentEditorPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { programId = '' } = useParams();
  const qc = useQueryClient();
  const key = ['publicsite', 'recruitment', programId];
  const q = useQuery({ queryKey: key, queryFn: () => api<EditView>(`/api/publicsite/recruitment/${encodeURIComponent(programId)}`) });
  const [form, setForm] = useState<RecruitmentContent | null>(null);
  useEffect(() => {
    if (q.data && form === null) setForm(q.data.content ?? emptyRecruitmentContent());
  }, [q.data, form]);
  const check = useMemo(() => (form ? checkRecruitmentPage(form) : null), [form]);
  const save = useMutation({
    mutationFn: (status: 'draft' | 'published' | 'withdrawn') =>
      api<{ version: number }>(`/api/publicsite/recruitment/${encodeURIComponent(programId)}`, { method: 'PUT', body: { content: form, expectedVersion: q.data?.version ?? 0, status } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const title = t('recruitment.title');
  if (q.isError) return <Page title={title}><ErrorMessage error={q.error} /></Page>;
  if (!q.data || !form || !check) return <Page title={title}><p>{t('common.loading')}</p></Page>;
  const set = (f: RecruitmentTextField, l: 'ja' | 'en', v: string) => setForm({ ...form, [f]: { ...form[f], [l]: v } });
  const fields = RECRUITMENT_TEXT_FIELDS.filter((f) => form.unapproved || !UNAPPROVED_FIELDS.includes(f));
  const missingOf = (f: string, l: string | null) => check.missing.find((m) => m.field === f && (m.lang === l || m.lang === null));
  return (
    <Page title={title}>
      <p><Link to="/public-site">{t('recruitment.back')}</Link></p>
      <p className="lead">{t('recruitment.lead')}</p>
      <p role="status">
        {q.data.publishedVersion ? t('recruitment.isPublished', { version: q.data.publishedVersion }) : t('recruitment.notPublished')}
        {q.data.publishedVersion ? <> · <a href={`/p/recruit/${encodeURIComponent(programId)}${lang === 'en' ? '?lang=en' : ''}`} target="_blank" rel="noopener noreferrer">{t('recruitment.open')}</a></> : null}
      </p>
      <section className="card card--wide" aria-labelledby="rc-check">
        <h2 id="rc-check">{t('recruitment.check')}</h2>
        {check.missing.length === 0 ? <p>{t('recruitment.allStated')}</p> : (
          <>
            <p>{t('recruitment.missingLead', { count: check.missing.length })}</p>
            <ul>
              {check.missing.map((m, i) => (
                <li key={i}>
                  <strong>{t(`recruitment.field.${m.field}`)}{m.lang ? parenthesized(m.lang === 'ja' ? '日本語' : 'English', lang) : ''}</strong>
                  {' — '}{RECRUITMENT_RULES[m.rule].text[lang]} <span className="muted">［{RECRUITMENT_RULES[m.rule].source[lang]}］</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {check.warnings.length > 0 ? (
          <div role="alert">
            <h3>{t('recruitment.warnings')}</h3>
            <ul>
              {check.warnings.map((w, i) => (
                <li key={i}>
                  <strong>「{w.phrase}」</strong>（{t(`recruitment.field.${w.field}`)}・{w.lang === 'ja' ? '日本語' : 'English'}）{' — '}
                  {RECRUITMENT_RULES[w.rule].text[lang]} <span className="muted">［{RECRUITMENT_RULES[w.rule].source[lang]}］</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <form className="card card--wide form" onSubmit={(e) => { e.preventDefault(); save.mutate('draft'); }} aria-labelledby="rc-form">
        <h2 id="rc-form">{t('recruitment.content')}</h2>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.unapproved} onChange={(e) => setForm({ ...form, unapproved: e.target.checked })} /> {t('recruitment.unapproved')}
          </label>
        </div>
        <TextField
          label={t('recruitment.field.totalCostYen')} type="number" min={0} step={1} inputMode="numeric"
          value={form.totalCostYen === null ? '' : String(form.totalCostYen)}
          error={missingOf('totalCostYen', null) ? t('recruitment.required') : undefined}
          onChange={(e) => setForm({ ...form, totalCostYen: e.target.value === '' ? null : Number(e.target.value) })}
        />
        {fields.map((f) => (
          <fieldset key={f}>
            <legend>{t(`recruitment.field.${f}`)}</legend>
            {(['ja', 'en'] as const).map((l) => (
              <TextAreaField
                key={l} lang={l} rows={f === 'title' ? 2 : 3}
                label={`${t(`recruitment.field.${f}`)}${parenthesized(l === 'ja' ? '日本語' : 'English', lang)}`}
                value={form[f][l]}
                error={missingOf(f, l) ? t('recruitment.required') : undefined}
                onChange={(e) => set(f, l, e.target.value)}
              />
            ))}
          </fieldset>
        ))}
        {save.isError ? <ErrorMessage error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{t('recruitment.saved', { version: save.data.version })}</p> : null}
        <div className="actions">
          <button type="submit" className="btn" disabled={save.isPending}>{t('recruitment.saveDraft')}</button>
          <button type="button" className="btn btn--primary" disabled={save.isPending || !check.publishable} onClick={() => save.mutate('published')}>{t('recruitment.publish')}</button>
          {q.data.publishedVersion ? <button type="button" className="btn btn--quiet" disabled={save.isPending} onClick={() => save.mutate('withdrawn')}>{t('recruitment.withdraw')}</button> : null}
        </div>
      </form>
    </Page>
  );
}
