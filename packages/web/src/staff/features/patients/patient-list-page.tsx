import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ageOn, todayIn } from '../../../shared/format/age.ts';
import { formatDate } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { PAGE_SIZE, usePatientSearch } from './patient-api.ts';

// The search box keeps its text while the user opens a patient and comes back: held in memory only
// (not in the URL or storage, where a name would linger).
let lastSearch = '';

export function PatientListPage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const lang = currentLanguage();
  const [text, setText] = useState(lastSearch);
  const [q, setQ] = useState(lastSearch);
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    lastSearch = text;
    const id = window.setTimeout(() => {
      setQ(text.trim());
      setOffset(0);
    }, 250);
    return () => window.clearTimeout(id);
  }, [text]);

  const result = usePatientSearch(q, offset);
  const today = todayIn(new Date());
  const total = result.data?.total ?? 0;

  return (
    <Page
      title={t('patients.title')}
      actions={
        can('patients:write') ? (
          <Link className="btn btn--primary" to="/patients/new">
            {t('patients.new')}
          </Link>
        ) : null
      }
    >
      <div className="search" role="search">
        <label htmlFor="patient-search" className="search__label">
          {t('patients.search')}
        </label>
        <input
          id="patient-search"
          type="search"
          className="search__input"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="patient-search-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <p id="patient-search-hint" className="field__hint">
          {t('patients.searchHint')}
        </p>
      </div>
      <ErrorMessage error={result.error} />
      <p className="result-count" role="status" aria-live="polite">
        {result.isPending ? t('common.loading') : t('patients.count', { count: total })}
      </p>
      {result.data && result.data.items.length > 0 ? (
        <table className="table table--cards patient-table">
          <caption className="visually-hidden">{t('patients.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('patients.number')}</th>
              <th scope="col">{t('patients.name')}</th>
              <th scope="col">{t('patients.birthDate')}</th>
              <th scope="col">{t('patients.sex')}</th>
              <th scope="col">{t('patients.phone')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.items.map((p) => {
              const age = ageOn(p.birthDate, today);
              return (
                <tr key={p.id}>
                  <td data-label={t('patients.number')} className="mono">
                    {p.patientNumber}
                  </td>
                  <td data-label={t('patients.name')}>
                    <Link to={`/patients/${encodeURIComponent(p.id)}`} className="patient-link">
                      <span className="patient-link__kanji">{p.nameKanji}</span>
                      <span className="patient-link__kana">{p.nameKana}</span>
                    </Link>
                    {p.isDemo ? <span className="demo-tag">{t('patients.demo')}</span> : null}
                  </td>
                  <td data-label={t('patients.birthDate')}>
                    {formatDate(p.birthDate, lang)}
                    {age !== null ? ` (${t('patients.age', { count: age })})` : ''}
                  </td>
                  <td data-label={t('patients.sex')}>{t(`sex.${p.sex}`)}</td>
                  <td data-label={t('patients.phone')} className="mono">
                    {p.phone ?? ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : result.data ? (
        <p className="empty">{q ? t('patients.noMatch') : t('patients.none')}</p>
      ) : null}
      {total > PAGE_SIZE ? (
        <nav className="pager" aria-label={t('common.pages')}>
          <button type="button" className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('common.previous')}
          </button>
          <span>{t('common.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}</span>
          <button type="button" className="btn" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('common.next')}
          </button>
        </nav>
      ) : null}
    </Page>
  );
}
