import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';

/** A menu entry whose feature is not built yet. */
export function ComingSoonPage({ title }: { readonly title: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={t(title)}>
      <p className="empty">{t('common.comingSoon')}</p>
    </Page>
  );
}
