import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaeDeadlineView } from './sae-api.ts';

/** A deadline's state as a tag: red when overdue or late, amber on the day, grey while open, green once reported. */
export function SaeDeadlineState({ d }: { readonly d: SaeDeadlineView }): ReactNode {
  const { t } = useTranslation();
  if (d.state === 'reported') {
    return <span className={d.late ? 'tag sae-tag--bad' : 'tag sae-tag--ok'}>{t(d.late ? 'sae.state.reportedLate' : 'sae.state.reported', { date: d.reportedOn })}</span>;
  }
  if (d.state === 'overdue') return <strong className="tag sae-tag--bad">{t('sae.state.overdue', { days: -d.daysLeft })}</strong>;
  if (d.state === 'due_today') return <strong className="tag sae-tag--warn">{t('sae.state.due_today')}</strong>;
  return <span className="tag">{t('sae.state.open', { days: d.daysLeft })}</span>;
}
