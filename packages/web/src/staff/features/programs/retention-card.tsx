import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import type { L10n } from './programs-api.ts';

interface RetentionItem {
  readonly programId: string; readonly title: L10n; readonly pathway: string; readonly rule: string; readonly until: string | null;
  readonly waitingFor?: string; readonly state: 'end_not_recorded' | 'kept' | 'over'; readonly participants: number;
}

/** Each program's retention period under its pathway and whether it is over — what falls due, for the administrator. */
export function RetentionCard(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const q = useQuery({ queryKey: ['program-retention'], queryFn: ({ signal }) => api<{ today: string; items: RetentionItem[] }>('/api/program-retention', { signal }) });
  return (
    <section className="card card--wide" aria-labelledby="prg-retention" data-testid="retention">
      <h2 id="prg-retention">{t('sae.retentionTitle')}</h2>
      {q.isLoading ? <Loading /> : <ErrorMessage error={q.error} />}
      {q.data ? (
        <ul className="sae-deadlines">
          {q.data.items.map((x) => (
            <li key={x.programId}>
              <strong>{x.title[lang]}</strong>
              <span className={x.state === 'over' ? 'tag sae-tag--warn' : 'tag'}>{t(`sae.retentionState.${x.state}`, { date: x.until ?? '' })}</span>
              <span className="small">{t('sae.participants', { count: x.participants })}</span>
              <span className="small muted sae-rule">{t(`sae.retentionRule.${x.rule}`)}{x.waitingFor ? ` — ${t(`sae.waitingFor.${x.waitingFor}`)}` : ''}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">{t('sae.retentionNote')}</p>
    </section>
  );
}
