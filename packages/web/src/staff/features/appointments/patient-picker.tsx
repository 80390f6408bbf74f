import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PatientSummary } from '../../../shared/api/types.ts';
import { formatDate } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePatientSearch } from '../patients/patient-api.ts';

/** During a phone call: type kana, a patient number or a phone number; pick one of the matches. */
export function PatientPicker(props: {
  readonly value: PatientSummary | null;
  readonly onChange: (p: PatientSummary | null) => void;
  /** Router state handed to 新規患者登録, which brings it back here with the new patient. */
  readonly newPatientState?: unknown;
}): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const id = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(id);
  }, [text]);
  const result = usePatientSearch(q, 0);

  if (props.value) {
    const p = props.value;
    return (
      <div className="picked">
        <p className="picked__who">
          <strong>{p.nameKanji}</strong> <span>{p.nameKana}</span> · <span className="mono">{p.patientNumber}</span> ·{' '}
          {formatDate(p.birthDate, lang)}
          {p.phone ? (
            <>
              {' '}
              · <span className="mono">{p.phone}</span>
            </>
          ) : null}
        </p>
        <button type="button" className="btn btn--small" onClick={() => props.onChange(null)}>
          {t('appt.changePatient')}
        </button>
      </div>
    );
  }
  const items = q ? (result.data?.items ?? []) : [];
  return (
    <div>
      <div className="search" role="search">
        <label htmlFor="appt-patient-search" className="search__label">
          {t('appt.findPatient')}
        </label>
        <input
          id="appt-patient-search"
          type="search"
          className="search__input"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="appt-patient-search-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <p id="appt-patient-search-hint" className="field__hint">
          {t('appt.findPatientHint')}
        </p>
      </div>
      <ErrorMessage error={result.error} />
      {q && result.data && items.length === 0 ? (
        <p className="empty">
          {t('appt.noPatient')} <Link to="/patients/new" state={props.newPatientState}>
            {t('appt.newPatient')}
          </Link>
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="pick-list" aria-live="polite">
          {items.slice(0, 10).map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="pick"
                onClick={() => props.onChange(p)}
                aria-label={t('appt.choosePatient', { name: `${p.nameKanji} ${p.patientNumber}` })}
              >
                <span className="pick__main">{p.nameKanji}</span>
                <span className="pick__sub">
                  {p.nameKana} · <span className="mono">{p.patientNumber}</span> · {formatDate(p.birthDate, lang)}
                  {p.phone ? ` · ${p.phone}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
