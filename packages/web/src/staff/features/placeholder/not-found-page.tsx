import type { ReactNode } from 'react';
import type { Permission } from '@mimamori/core/auth/permissions';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { BreakGlassOffer } from '../auth/break-glass.tsx';

export function NotFoundPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFound')}>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </Page>
  );
}

/** A page the role may not open. When the page only reads clinical records, emergency access is offered. */
export function ForbiddenPage({ permission }: { readonly permission?: Permission }): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={t('common.forbidden')}>
      <p>{t('common.forbiddenBody')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
      {permission ? <BreakGlassOffer permission={permission} /> : null}
    </Page>
  );
}
