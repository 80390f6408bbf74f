import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { api, apiDownload } from '../../../shared/api/client.ts';
import { roles, type Role } from '@mimamori/core/auth/permissions';
import type { OneTimeLink, Staff } from '../../../shared/api/types.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { BreakGlassReport } from './break-glass-report.tsx';
import { useSchedulingConfig } from '../appointments/appointments-api.ts';

const STAFF_KEY = ['staff'] as const;

/** The one-time link to hand over in person; shown once, with a copy button. */
function LinkHandover(props: { readonly title: string; readonly link: OneTimeLink; readonly onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [copied, setCopied] = useState(false);
  const url = new URL(props.link.url, window.location.origin).toString();
  return (
    <Alert tone="success" title={props.title}>
      <p>{t('staff.linkIntro', { expires: formatDateTime(props.link.expiresAt, lang) })}</p>
      <label className="visually-hidden" htmlFor="handover-link">
        {t('staff.link')}
      </label>
      <input id="handover-link" className="link-box" readOnly value={url} onFocus={(e) => e.target.select()} />
      <div className="form__actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t('staff.copied') : t('staff.copy')}
        </button>
        <button type="button" className="btn btn--quiet" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </Alert>
  );
}

function InviteForm({ onDone }: { readonly onDone: (staff: Staff, link: OneTimeLink) => void }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [loginId, setLoginId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('nurse');
  const [email, setEmail] = useState('');
  const invite = useMutation({
    mutationFn: () =>
      api<{ staff: Staff; link: OneTimeLink }>('/api/staff', {
        method: 'POST',
        body: { loginId: loginId.trim(), displayName: displayName.trim(), role, ...(email.trim() ? { email: email.trim() } : {}) },
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: STAFF_KEY });
      setLoginId('');
      setDisplayName('');
      setEmail('');
      onDone(r.staff, r.link);
    },
  });
  const errs = fieldErrors(invite.error);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('staff.invite')}</h2>
      {invite.error && Object.keys(errs).length === 0 ? <ErrorMessage error={invite.error} /> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="grid-2">
          <TextField
            label={t('auth.loginId')}
            required
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            value={loginId}
            error={errs.loginId}
            onChange={(e) => setLoginId(e.target.value)}
          />
          <TextField
            label={t('staff.displayName')}
            required
            autoComplete="off"
            value={displayName}
            error={errs.displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <SelectField
            label={t('staff.role')}
            required
            value={role}
            error={errs.role}
            onChange={(e) => setRole(e.target.value as Role)}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <TextField
            label={t('staff.email')}
            type="email"
            autoComplete="off"
            value={email}
            error={errs.email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={invite.isPending}>
            {invite.isPending ? t('common.working') : t('staff.sendInvite')}
          </button>
        </div>
      </form>
    </section>
  );
}

function StaffRow(props: {
  readonly staff: Staff;
  readonly self: boolean;
  /** The bookable resource this account is (`/settings/resources`), if linked. */
  readonly bookableAs: string | null;
  readonly onLink: (title: string, link: OneTimeLink) => void;
}): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const s = props.staff;
  const [role, setRole] = useState<Role>(s.role);
  const action = useMutation({
    mutationFn: async (kind: 'disable' | 'enable' | 'reset' | 'role') => {
      if (kind === 'role') return api<{ staff: Staff }>(`/api/staff/${encodeURIComponent(s.id)}`, { method: 'PATCH', body: { role } });
      return api<{ staff?: Staff; link?: OneTimeLink }>(`/api/staff/${encodeURIComponent(s.id)}/${kind}`, { method: 'POST' });
    },
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: STAFF_KEY });
      if ('link' in r && r.link) props.onLink(t('staff.resetDone', { name: s.displayName }), r.link);
    },
  });
  const confirmThen = (message: string, kind: 'disable' | 'enable' | 'reset'): void => {
    if (window.confirm(message)) action.mutate(kind);
  };
  return (
    <tr>
      <td data-label={t('staff.displayName')}>
        <strong>{s.displayName}</strong>
        <br />
        <code className="small">{s.loginId}</code>
      </td>
      <td data-label={t('staff.role')}>
        {props.self ? (
          t(`roles.${s.role}`)
        ) : (
          <div className="inline-form">
            <label className="visually-hidden" htmlFor={`role-${s.id}`}>
              {t('staff.roleOf', { name: s.displayName })}
            </label>
            <select id={`role-${s.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            {role !== s.role ? (
              <button type="button" className="btn btn--small" onClick={() => action.mutate('role')}>
                {t('common.save')}
              </button>
            ) : null}
          </div>
        )}
      </td>
      <td data-label={t('staff.status')}>
        <span className={`status status--${s.status}`}>{t(`staffStatus.${s.status}`)}</span>
        {!s.totpEnrolled && s.status !== 'disabled' ? <span className="small muted"> · {t('staff.noTotp')}</span> : null}
      </td>
      <td data-label={t('clinicSetup.bookableAs')}>{props.bookableAs ?? <span className="muted">{t('clinicSetup.notLinked')}</span>}</td>
      <td data-label={t('staff.lastLogin')}>{s.lastLoginAt ? formatDateTime(s.lastLoginAt, lang) : '—'}</td>
      <td data-label={t('common.actions')}>
        {props.self ? (
          <span className="muted small">{t('staff.you')}</span>
        ) : (
          <div className="row-actions">
            {s.status === 'disabled' ? (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => confirmThen(t('staff.confirmEnable', { name: s.displayName }), 'enable')}
              >
                {t('staff.enable')}
              </button>
            ) : (
              <button
                type="button"
                className="btn btn--small btn--danger"
                onClick={() => confirmThen(t('staff.confirmDisable', { name: s.displayName }), 'disable')}
              >
                {t('staff.disable')}
              </button>
            )}
            <button
              type="button"
              className="btn btn--small"
              onClick={() => confirmThen(t('staff.confirmReset', { name: s.displayName }), 'reset')}
            >
              {t('staff.reset')}
            </button>
          </div>
        )}
        {action.error ? <ErrorMessage error={action.error} /> : null}
      </td>
    </tr>
  );
}

export function StaffAdminPage(): ReactNode {
  const { t } = useTranslation();
  const { session } = useSession();
  const list = useQuery({ queryKey: STAFF_KEY, queryFn: () => api<{ items: Staff[] }>('/api/staff'), select: (r) => r.items });
  const [handover, setHandover] = useState<{ title: string; link: OneTimeLink } | null>(null);
  // Who can be booked: the resource each account is linked to.
  const resources = useSchedulingConfig().data?.resources ?? [];
  const bookableAs = (id: string): string | null => resources.find((r) => r.staffId === id)?.name ?? null;
  // The monthly account review (role, MFA, last sign-in, break-glass uses), signed like the audit export.
  const review = useMutation({ mutationFn: () => apiDownload('/api/staff/review.csv', 'staff-review.csv') });

  return (
    <Page title={t('staff.title')}>
      {handover ? <LinkHandover title={handover.title} link={handover.link} onClose={() => setHandover(null)} /> : null}
      <InviteForm onDone={(s, link) => setHandover({ title: t('staff.invited', { name: s.displayName }), link })} />
      <section aria-labelledby="staff-list-title">
        <div className="section-head">
          <h2 id="staff-list-title">{t('staff.list')}</h2>
          <button type="button" className="btn" disabled={review.isPending} onClick={() => review.mutate()}>
            {t('staff.reviewExport')}
          </button>
        </div>
        <ErrorMessage error={review.error} />
        <ErrorMessage error={list.error} />
        {list.isPending ? <Loading /> : null}
        {list.data ? (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('staff.displayName')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('clinicSetup.bookableAs')}</th>
                <th scope="col">{t('staff.lastLogin')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <StaffRow key={s.id} staff={s} self={s.id === session?.user.id} bookableAs={bookableAs(s.id)} onLink={(title, link) => setHandover({ title, link })} />
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <BreakGlassReport />
    </Page>
  );
}
