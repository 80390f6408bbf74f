import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bookingReady } from '@mimamori/core/scheduling/setup-checklist';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import type { SchedulingConfig } from '../appointments/appointments-api.ts';

/** On the booking page of a clinic not set up yet (no hours or nothing bookable): why nothing can be booked, and where to fix it. */
export function BookingNotReady({ config }: { readonly config: SchedulingConfig | undefined }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!config || bookingReady(config)) return null;
  return (
    <Alert tone="warning">
      <p>{t('clinicSetup.notReady')}</p>
      {can('scheduling:admin') ? (
        <p>
          <Link to="/">{t('clinicSetup.checklistTitle')}</Link>
        </p>
      ) : null}
    </Alert>
  );
}
