import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { usePatientSearch } from '../patients/patient-api.ts';

/** `/billing`: find a patient to open their account; links to the daily closing and the admin page. */
export function BillingHomePage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 250);
  const result = usePatientSearch(debounced, 0);
  return (
    <Page
      title={t('bil.title')}
      actions={<><Link className="btn" to="/billing/closing">{t('bil.closing')}</Link>{can('billing:admin') ? <Link className="btn" to="/billing/admin">{t('bil.admin')}</Link> : null}</>}
    >
      <p className="lead">{t('bil.lead')}</p>
      <div className="field">
        <label htmlFor="bil-search">{t('bil.search')}</label>
        <input id="bil-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      {result.isLoading ? <Loading /> : null}
      <ErrorMessage error={result.error} />
      {debounced.trim() !== '' ? (
        <ul className="cards">
          {result.data?.items.map((p) => (
            <li key={p.id} className="card">
              <h2><Link to={`/billing/patients/${encodeURIComponent(p.id)}`}>{p.nameKanji}</Link></h2>
              <p>{p.nameKana} · {t('bil.patientNumber')} {p.patientNumber}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
