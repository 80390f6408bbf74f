import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useChildScreen } from './intake-api.ts';

/**
 * Says loudly, to those who edit the intake form (the administrator's home and the form editor),
 * that the child form has no scored youth self-harm screen, with the clinic's written
 * confirmation when one was given. Nothing when the form has a screen.
 */
export function ChildScreenNotice({ editorLink = true }: { readonly editorLink?: boolean }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const lang = currentLanguage();
  const allowed = can('intake:admin');
  const q = useChildScreen(allowed);
  if (!allowed || !q.data || !q.data.missing) return null;
  const c = q.data.confirmation;
  return (
    <Alert tone={c ? 'warning' : 'error'} title={t('intake.childScreen.title')}>
      <p>{t('intake.childScreen.body')}</p>
      {c ? (
        <>
          <p>{t('intake.childScreen.confirmedBy', { name: c.byName ?? '—', at: formatDateTime(c.at, lang), version: q.data.version })}</p>
          <blockquote className="child-screen__confirmation">{c.text}</blockquote>
        </>
      ) : (
        <p>
          <strong>{t('intake.childScreen.unconfirmed', { version: q.data.version })}</strong>
        </p>
      )}
      {editorLink ? (
        <p>
          <Link to="/intake">{t('intake.childScreen.toEditor')}</Link>
        </p>
      ) : null}
    </Alert>
  );
}
