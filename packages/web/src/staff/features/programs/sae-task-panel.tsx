import './programs.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { useSaeTasks } from './sae-api.ts';
import { SaeDeadlineState } from './sae-deadline-label.tsx';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { currentLanguage } from '../../i18n/index.ts';

/**
 * The serious adverse events whose report is still due, most urgent first, each linking to the
 * participant's page — on the dashboard for doctors and nurses, and on the program page.
 */
export function SaeTaskPanel({ programId, headingLevel = 2 }: { readonly programId?: string; readonly headingLevel?: 2 | 3 }): ReactNode {
  const { t } = useTranslation();
  const q = useSaeTasks(programId);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card card--wide" aria-labelledby="sae-tasks-title" data-testid="sae-tasks">
      <H id="sae-tasks-title">{t('sae.tasksTitle')}</H>
      {q.isLoading ? <Loading /> : q.error ? <ErrorMessage error={q.error} /> : q.data && q.data.tasks.length === 0 ? <p className="muted">{t('sae.tasksNone')}</p> : (
        <ul className="sae-tasks">
          {q.data?.tasks.map((x) => (
            <li key={`${x.adverseEventId}:${x.deadline.recipient}`} className={x.deadline.state === 'overdue' ? 'sae-row--overdue' : undefined}>
              <SaeDeadlineState d={x.deadline} />
              <span className="nowrap">{t('sae.due', { date: x.deadline.dueDate })}</span>
              <Link to={`/program-enrolments/${x.enrolmentId}#ae-${x.adverseEventId}`}>
                {t('sae.taskRow', { patient: `${x.patientName ?? ''}${parenthesized(x.patientNumber ?? '', currentLanguage())}`, term: x.term, recipient: t(`sae.recipient.${x.deadline.recipient}`) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
