import './programs.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { useReconsentTasks } from './sae-api.ts';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Participants who owe a re-consent (turned 16 / 18, a revised document), doses held in red. */
export function ReconsentTaskPanel({ programId }: { readonly programId?: string }): ReactNode {
  const { t } = useTranslation();
  const q = useReconsentTasks(programId);
  if (q.data && q.data.tasks.length === 0) return null;
  return (
    <section className="card card--wide" aria-labelledby="reconsent-tasks-title" data-testid="reconsent-tasks">
      <h2 id="reconsent-tasks-title">{t('sae.reconsentTasksTitle')}</h2>
      {q.isLoading ? <Loading /> : q.error ? <ErrorMessage error={q.error} /> : (
        <ul className="sae-tasks">
          {q.data?.tasks.map((x) => (
            <li key={`${x.enrolmentId}:${x.reason}:${x.document?.id ?? ''}`} className={x.blocking ? 'sae-row--overdue' : undefined}>
              {x.blocking ? <strong className="tag sae-tag--bad">{t('sae.dosesHeld')}</strong> : <span className="tag">{t('sae.upcoming')}</span>}
              <Link to={`/program-enrolments/${x.enrolmentId}`}>{x.patientName}{parenthesized(x.patientNumber, currentLanguage())}</Link>
              <span>{t(`sae.reconsentReason.${x.reason}`, { date: x.dueDate, document: x.document ? `${x.document.id} v${x.document.version}` : '' })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
