import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';

/** This month's LINE messages against the plan's allowance; a warning from 80 % (then LINE stops and mail goes instead). */
export function LineQuota(props: { readonly limit: number; readonly used: number }): ReactNode {
  const { t } = useTranslation();
  const text = t('outbox.quota', { used: props.used, limit: props.limit });
  return props.used >= props.limit * 0.8 ? <Alert tone="warning">{text} {t('outbox.quotaWarn')}</Alert> : <p className="muted small">{text}</p>;
}
