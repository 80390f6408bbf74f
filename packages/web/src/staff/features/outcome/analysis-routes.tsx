import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { AnalysisPage } from './analysis-page.tsx';
import type { L10n } from './outcome-api.ts';

/** The programs to analyse (their definitions only: no participant is listed here). */
function AnalysisProgramsPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const programs = useQuery({ queryKey: ['programs'], queryFn: ({ signal }) => api<{ items: { program: { id: string; version: number; title: L10n } }[] }>('/api/programs', { signal }) });
  return (
    <Page title={t('ana.title')}>
      <p>{t('ana.chooseProgram')}</p>
      {programs.isLoading ? <Loading /> : null}
      <ErrorMessage error={programs.error} />
      {programs.data?.items.length === 0 ? <p className="empty">{t('ana.noPrograms')}</p> : null}
      <ul className="cards">
        {programs.data?.items.map(({ program }) => (
          <li key={program.id} className="card">
            <h2><Link to={`/analysis/${encodeURIComponent(program.id)}`}>{program.title[lang] || program.title.ja}</Link></h2>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** The analysis pages under `/analysis` (one route block in the app). */
export function AnalysisRoutes(): ReactNode {
  return (
    <Routes>
      <Route index element={<AnalysisProgramsPage />} />
      <Route path=":programId" element={<AnalysisPage />} />
    </Routes>
  );
}
