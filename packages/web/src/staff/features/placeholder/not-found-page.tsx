import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';

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

export function ForbiddenPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={t('common.forbidden')}>
      <p>{t('common.forbiddenBody')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </Page>
  );
}
