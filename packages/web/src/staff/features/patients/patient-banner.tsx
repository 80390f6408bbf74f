import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, todayIn } from '../../../shared/format/age.ts';
import { formatDate } from '../../../shared/format/dates.ts';
import type { PatientSummary } from '../../../shared/api/types.ts';
import { currentLanguage } from '../../i18n/index.ts';

/**
 * Who this page is about, always at the top: number, name, kana, birth date and age, sex.
 * Two identifiers together are the usual guard against mixing patients up (患者取り違え防止).
 */
export function PatientBanner({ patient }: { readonly patient: PatientSummary }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const age = ageOn(patient.birthDate, todayIn(new Date()));
  return (
    <section className="patient-banner" aria-label={t('patients.bannerLabel')}>
      <div className="patient-banner__id">
        <span className="patient-banner__label">{t('patients.number')}</span>
        <span className="patient-banner__number">{patient.patientNumber}</span>
      </div>
      <div className="patient-banner__name">
        <span className="patient-banner__kana" lang="ja">
          {patient.nameKana}
        </span>
        <span className="patient-banner__kanji" lang="ja">
          {patient.nameKanji}
        </span>
      </div>
      <div className="patient-banner__facts">
        <span>
          {formatDate(patient.birthDate, lang)}
          {age !== null ? ` (${t('patients.age', { count: age })})` : ''}
        </span>
        <span>{t(`sex.${patient.sex}`)}</span>
        {patient.isDemo ? <span className="demo-tag">{t('patients.demo')}</span> : null}
      </div>
    </section>
  );
}
