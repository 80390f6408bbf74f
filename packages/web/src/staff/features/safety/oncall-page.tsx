import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@mimamori/core/auth/permissions';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Page } from '../../components/page.tsx';

interface OnCallView {
  readonly staff: ReadonlyArray<{ id: string; name: string; role: Role }>;
  readonly shifts: ReadonlyArray<{ id: string; staffId: string; startsAt: string; endsAt: string; position: number }>;
  readonly escalationMinutes: number;
  readonly channels: ReadonlyArray<{ staffId: string; channel: string; address: string }>;
}

const KEY = ['safety', 'oncall'];
/** `datetime-local` value (clinic time, Asia/Tokyo) → ISO instant with the +09:00 offset. */
const toInstant = (local: string): string => `${local}:00+09:00`;

/** The on-call rota, where each person is sent alerts, and the escalation time. */
export function OnCallPage(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + 14 * 86_400_000).toISOString() };
  });
  const q = useQuery({ queryKey: KEY, queryFn: () => api<OnCallView>(`/api/safety/oncall?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`) });
  const [form, setForm] = useState({ staffId: '', startsAt: '', endsAt: '', position: 1 });
  const [mail, setMail] = useState<Record<string, string>>({});
  const [minutes, setMinutes] = useState<number | null>(null);
  const done = () => void qc.invalidateQueries({ queryKey: KEY });
  const add = useMutation({
    mutationFn: () => api('/api/safety/oncall', { method: 'POST', body: { staffId: form.staffId, startsAt: toInstant(form.startsAt), endsAt: toInstant(form.endsAt), position: form.position } }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: (id: string) => api(`/api/safety/oncall/${id}`, { method: 'DELETE' }), onSuccess: done });
  const saveMail = useMutation({ mutationFn: (staffId: string) => api(`/api/safety/channels/${staffId}`, { method: 'PUT', body: { mail: mail[staffId] || null } }), onSuccess: done });
  const saveMinutes = useMutation({ mutationFn: () => api('/api/safety/settings', { method: 'PUT', body: { escalationMinutes: minutes } }), onSuccess: done });
  if (q.isError) return <Page title={t('safety.oncallTitle')}><ErrorMessage error={q.error} /></Page>;
  if (!q.data) return <Page title={t('safety.oncallTitle')}><p>{t('common.loading')}</p></Page>;
  const v = q.data;
  const name = (id: string) => v.staff.find((s) => s.id === id)?.name ?? id;
  return (
    <Page title={t('safety.oncallTitle')}>
      <p className="lead">{t('safety.oncallLead')}</p>
      <section className="card card--wide" aria-labelledby="shifts-title">
        <h2 id="shifts-title">{t('safety.shifts')}</h2>
        {v.shifts.length === 0 ? <p className="empty">{t('safety.noShifts')}</p> : (
          <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="shifts-title">
          <table className="table">
            <thead><tr><th scope="col">{t('safety.who')}</th><th scope="col">{t('safety.from')}</th><th scope="col">{t('safety.to')}</th><th scope="col">{t('safety.position')}</th><th scope="col"><span className="visually-hidden">{t('safety.remove')}</span></th></tr></thead>
            <tbody>
              {v.shifts.map((s) => (
                <tr key={s.id}>
                  <td>{name(s.staffId)}</td><td>{formatDateTime(s.startsAt)}</td><td>{formatDateTime(s.endsAt)}</td><td>{s.position}</td>
                  <td><button type="button" className="btn btn--quiet btn--small" onClick={() => remove.mutate(s.id)}>{t('safety.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
        <form className="form" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
          <div className="field">
            <label htmlFor="oc-who">{t('safety.who')}</label>
            <select id="oc-who" required value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
              <option value="">—</option>
              {v.staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <div className="field"><label htmlFor="oc-from">{t('safety.from')}</label><input id="oc-from" type="datetime-local" required value={form.startsAt} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} /></div>
          <div className="field"><label htmlFor="oc-to">{t('safety.to')}</label><input id="oc-to" type="datetime-local" required value={form.endsAt} onChange={(e) => setForm({ ...form, endsAt: e.target.value })} /></div>
          <div className="field"><label htmlFor="oc-pos">{t('safety.position')}</label><input id="oc-pos" type="number" min={1} max={9} value={form.position} onChange={(e) => setForm({ ...form, position: Number(e.target.value) })} /></div>
          {add.isError ? <ErrorMessage error={add.error} /> : null}
          <div className="form__actions"><button className="btn btn--primary" type="submit">{t('safety.add')}</button></div>
        </form>
      </section>
      <section className="card card--wide" aria-labelledby="channels-title">
        <h2 id="channels-title">{t('safety.channels')}</h2>
        <p className="small">{t('safety.channelHelp')}</p>
        {v.staff.map((s) => {
          const cur = v.channels.find((c) => c.staffId === s.id && c.channel === 'mail')?.address ?? '';
          return (
            <form key={s.id} className="form form--inline" onSubmit={(e) => { e.preventDefault(); saveMail.mutate(s.id); }}>
              <div className="field">
                <label htmlFor={`mail-${s.id}`}>{s.name}</label>
                <input id={`mail-${s.id}`} type="email" value={mail[s.id] ?? cur} onChange={(e) => setMail({ ...mail, [s.id]: e.target.value })} />
              </div>
              <button className="btn btn--small" type="submit">{t('safety.save')}</button>
            </form>
          );
        })}
        {saveMail.isError ? <ErrorMessage error={saveMail.error} /> : null}
      </section>
      <section className="card card--wide" aria-labelledby="esc-title">
        <h2 id="esc-title">{t('safety.escalation')}</h2>
        <form className="form form--inline" onSubmit={(e) => { e.preventDefault(); saveMinutes.mutate(); }}>
          <div className="field">
            <label htmlFor="esc-min">{t('safety.escalation')}</label>
            <input id="esc-min" type="number" min={1} max={240} value={minutes ?? v.escalationMinutes} onChange={(e) => setMinutes(Number(e.target.value))} />
          </div>
          <button className="btn btn--small" type="submit">{t('safety.save')}</button>
        </form>
        {saveMinutes.isError ? <ErrorMessage error={saveMinutes.error} /> : null}
      </section>
    </Page>
  );
}
