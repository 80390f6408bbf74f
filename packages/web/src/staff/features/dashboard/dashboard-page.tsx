import type { ReactNode } from 'react';
import type { Permission } from '@mimamori/core/auth/permissions';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { Page } from '../../components/page.tsx';
import { BackupWarning } from '../backups/backup-warning.tsx';
import { ChildScreenNotice } from '../intake/child-screen-notice.tsx';
import { AlertPanel } from '../scales/alert-panel.tsx';
import { SetupChecklist } from '../setup/setup-checklist.tsx';
import { SaeTaskPanel } from '../programs/sae-task-panel.tsx';
import { ReconsentTaskPanel } from '../programs/reconsent-task-panel.tsx';

/**
 * Home. The alerts section lists what needs a clinician (a positive suicide item, a worsening
 * score, a serious adverse event) to the roles that may see alerts; the others are told who does.
 */
export function DashboardPage({
  visibleNav,
}: {
  /** The menu entries a role sees (the app's, from its route table); the shortcuts list them. */
  readonly visibleNav: (permissions: readonly Permission[]) => ReadonlyArray<{ readonly to: string; readonly label: string }>;
}): ReactNode {
  const { t } = useTranslation();
  const { session, can } = useSession();
  if (!session) return null;
  const shortcuts = visibleNav(session.permissions).filter((i) => i.to !== '/');
  return (
    <Page title={t('dashboard.title')}>
      <p className="lead">{t('dashboard.welcome', { name: session.user.displayName, clinic: session.user.clinicName })}</p>
      <ChildScreenNotice />
      <BackupWarning />
      <div className="cards">
        {can('scheduling:admin') ? <SetupChecklist /> : null}
        <section className="card card--wide" aria-labelledby="alerts-title">
          <h2 id="alerts-title">{t('dashboard.alerts')}</h2>
          <AlertPanel />
        </section>
        {can('programs:clinical_read') ? <SaeTaskPanel /> : null}
        {can('programs:clinical_read') ? <ReconsentTaskPanel /> : null}
        <section className="card" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">{t('dashboard.shortcuts')}</h2>
          <ul className="shortcut-list">
            {can('patients:write') ? (
              <li>
                <Link to="/patients/new">{t('patients.new')}</Link>
              </li>
            ) : null}
            {shortcuts.map((i) => (
              <li key={i.to}>
                <Link to={i.to}>{t(i.label)}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}
