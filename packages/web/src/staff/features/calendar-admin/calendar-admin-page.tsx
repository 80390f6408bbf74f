import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useSchedulingConfig } from '../appointments/appointments-api.ts';
import { CalendarForm } from './calendar-form.tsx';
import { PolicyForm } from './policy-form.tsx';
import { ServicesForm } from './services-form.tsx';
import '../appointments/appointments.css';
import './calendar-admin.css';

/** `/calendar-admin`: weekly hours, holidays, closures, one-day changes, services and booking rules. */
export function CalendarAdminPage(): ReactNode {
  const { t } = useTranslation();
  const config = useSchedulingConfig();
  // A stale save reloads the settings and starts the forms again from them (never overwrites
  // someone else's change with an old copy).
  const [generation, setGeneration] = useState(0);
  const [stale, setStale] = useState(false);
  const onStale = (): void => {
    setStale(true);
    setGeneration((g) => g + 1);
  };
  if (config.isPending) return <Loading />;
  if (config.error) return <ErrorMessage error={config.error} />;
  return (
    <Page title={t('calAdmin.title')}>
      <p className="lead">{t('calAdmin.intro')}</p>
      <p className="row-actions">
        <Link to="/settings/clinic">{t('clinicSetup.factsTitle')}</Link>
        <Link to="/settings/resources">{t('clinicSetup.resourcesTitle')}</Link>
      </p>
      {stale ? <Alert tone="warning">{t('calAdmin.stale')}</Alert> : null}
      <CalendarForm config={config.data} key={`cal-${generation}`} onStale={onStale} />
      <ServicesForm config={config.data} key={`svc-${generation}`} onStale={onStale} />
      <PolicyForm config={config.data} key={`pol-${generation}`} onStale={onStale} />
    </Page>
  );
}
