import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SetupStep } from '@mimamori/core/scheduling/index';
import { useSetupChecklist } from './setup-api.ts';
import './setup.css';

/** Where each step of the walk-through is done. */
const STEP_LINKS: Readonly<Record<SetupStep['id'], string>> = {
  facts: '/settings/clinic',
  hours: '/calendar-admin',
  services: '/calendar-admin#cal-services',
  staff: '/staff',
  resources: '/settings/resources',
  booking: '/appointments/new',
};

/**
 * The setup walk-through on the administrator's home until every step is done: clinic facts →
 * hours and closures → services → staff → rooms and devices → the first booking, each done or not
 * from the data.
 */
export function SetupChecklist(): ReactNode {
  const { t } = useTranslation();
  const q = useSetupChecklist();
  if (!q.data || q.data.complete) return null;
  return (
    <section className="card card--wide setup-checklist" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('clinicSetup.checklistTitle')}</h2>
      <p>{t('clinicSetup.checklistIntro')}</p>
      <ol className="setup-steps">
        {q.data.steps.map((s) => (
          <li key={s.id} className={s.done ? 'setup-step setup-step--done' : 'setup-step'}>
            <span className={`status ${s.done ? 'status--active' : 'status--invited'}`}>{s.done ? t('clinicSetup.done') : t('clinicSetup.notDone')}</span>{' '}
            <Link to={STEP_LINKS[s.id]} aria-label={t('clinicSetup.stepStatus', { step: t(`clinicSetup.steps.${s.id}`), status: s.done ? t('clinicSetup.done') : t('clinicSetup.notDone') })}>
              {t(`clinicSetup.steps.${s.id}`)}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
