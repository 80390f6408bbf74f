import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineSettingsView } from '@mimamori/server/api-types';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import '../outbox/outbox.css';
import { LineQuota } from '../outbox/line-quota.tsx';

const KEY = ['line', 'settings'];

/** The LINE official account's setup (sealed secret and token, the webhook URL, a check) and the test sends. */
export function LineSettingsPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: () => api<LineSettingsView>('/api/line/settings') });
  const [form, setForm] = useState({ channelId: '', channelSecret: '', accessToken: '', enabled: true });
  useEffect(() => {
    if (q.data) setForm((f) => ({ ...f, channelId: q.data.channelId ?? '', enabled: q.data.configured ? q.data.enabled : true }));
  }, [q.data]);
  const save = useMutation({
    mutationFn: () => api<LineSettingsView>('/api/line/settings', {
      method: 'PUT',
      body: { channelId: form.channelId, channelSecret: form.channelSecret || null, accessToken: form.accessToken || null, enabled: form.enabled },
    }),
    onSuccess: (v) => {
      qc.setQueryData(KEY, v);
      setForm((f) => ({ ...f, channelSecret: '', accessToken: '' }));
    },
  });
  const check = useMutation({ mutationFn: () => api<LineSettingsView>('/api/line/settings/check', { method: 'POST' }), onSuccess: (v) => qc.setQueryData(KEY, v) });
  const [mailTo, setMailTo] = useState('');
  const [lineTo, setLineTo] = useState('');
  const test = useMutation({ mutationFn: (b: { channel: 'mail' | 'line'; to: string }) => api<{ id: string }>('/api/outbox/test', { method: 'POST', body: b }) });
  const errors = fieldErrors(save.error);
  const testErrors = fieldErrors(test.error);
  if (q.isPending) return <Page title={t('line.title')}><Loading /></Page>;
  if (q.isError) return <Page title={t('line.title')}><ErrorMessage error={q.error} /></Page>;
  const v = q.data;
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Page title={t('line.title')}>
      <div className="line-settings">
        <p>{t('line.lead')}</p>
        <p>{t('line.step1')}</p>
        <p>{t('line.step2')}</p>
        <p>{t('line.step3')}</p>
        <section aria-labelledby="line-webhook">
          <h2 id="line-webhook">{t('line.webhookUrl')}</h2>
          <code className="webhook" data-testid="webhook-url">{v.webhookUrl}</code>
        </section>
        <form onSubmit={onSave} noValidate>
          <TextField label={t('line.channelId')} value={form.channelId} inputMode="numeric" autoComplete="off" error={errors.channelId} required
            onChange={(e) => setForm({ ...form, channelId: e.target.value })} />
          <TextField label={t('line.channelSecret')} type="password" autoComplete="off" value={form.channelSecret} error={errors.channelSecret}
            hint={v.secretSet ? t('line.keepHint') : undefined} required={!v.secretSet} onChange={(e) => setForm({ ...form, channelSecret: e.target.value })} />
          <TextField label={t('line.accessToken')} type="password" autoComplete="off" value={form.accessToken} error={errors.accessToken}
            hint={v.tokenSet ? t('line.keepHint') : undefined} required={!v.tokenSet} onChange={(e) => setForm({ ...form, accessToken: e.target.value })} />
          <div className="field">
            <label>
              <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} /> {t('line.enabled')}
            </label>
          </div>
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('line.save')}</button>
          {save.isSuccess ? <Alert tone="success">{t('line.saved')}</Alert> : null}
          {save.error && Object.keys(errors).length === 0 ? <ErrorMessage error={save.error} /> : null}
        </form>
        {v.configured ? (
          <section aria-labelledby="line-check">
            <h2 id="line-check">{t('line.check')}</h2>
            <button type="button" className="btn" disabled={check.isPending} onClick={() => check.mutate()}>{t('line.check')}</button>
            {v.checkedAt && !v.checkError ? <Alert tone="success">{t('line.checkOk', { name: v.botName ?? '', id: v.botBasicId ?? '' })} · {formatDateTime(v.checkedAt, lang)}</Alert> : null}
            {v.checkError ? <Alert tone="error">{t('line.checkFailed', { error: v.checkError })}</Alert> : null}
            {!v.checkedAt ? <p className="muted">{t('line.notChecked')}</p> : null}
            {v.quotaLimit !== null && v.quotaUsed !== null ? <LineQuota limit={v.quotaLimit} used={v.quotaUsed} /> : null}
            <ErrorMessage error={check.error} />
          </section>
        ) : null}
        <section aria-labelledby="line-test">
          <h2 id="line-test">{t('line.testTitle')}</h2>
          <TextField label={t('line.testMailTo')} type="email" value={mailTo} error={test.variables?.channel === 'mail' ? testErrors.to : undefined} onChange={(e) => setMailTo(e.target.value)} />
          <button type="button" className="btn" disabled={test.isPending} onClick={() => test.mutate({ channel: 'mail', to: mailTo })}>{t('line.testMail')}</button>
          {v.configured ? (
            <>
              <TextField label={t('line.testLineTo')} value={lineTo} autoComplete="off" error={test.variables?.channel === 'line' ? testErrors.to : undefined} onChange={(e) => setLineTo(e.target.value)} />
              <button type="button" className="btn" disabled={test.isPending} onClick={() => test.mutate({ channel: 'line', to: lineTo })}>{t('line.testLine')}</button>
            </>
          ) : null}
          {test.isSuccess ? <Alert tone="success">{t('line.testQueued')}</Alert> : null}
          {test.error && Object.keys(testErrors).length === 0 ? <ErrorMessage error={test.error} /> : null}
        </section>
      </div>
    </Page>
  );
}
