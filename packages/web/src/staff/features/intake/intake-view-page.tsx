import { useState, type ReactNode } from 'react';
import './intake.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format/dates.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePatient } from '../patients/patient-api.ts';
import { PatientBanner } from '../patients/patient-banner.tsx';
import { useIntakeView } from './intake-api.ts';
import { CopyButton } from './patient-intake-page.tsx';

/**
 * The doctor's intake page: the clinical summary (Japanese or English, one click to copy), scores
 * with bands and safety flags, what changed since the previous intake, and every answer. Everything
 * the patient typed is rendered as text (React escapes it).
 */
export function IntakeViewPage(): ReactNode {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = currentLanguage();
  const q = useIntakeView(id);
  const patientId = q.data?.intake.patientId ?? '';
  const patient = usePatient(patientId);
  const [summaryLang, setSummaryLang] = useState<'ja' | 'en'>(lang);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorMessage error={q.error} />;
  const v = q.data;
  const s = v.summary[summaryLang];
  const submitted = v.intake.status === 'submitted';
  return (
    <Page title={t('intake.viewTitle')} before={patient.data ? <PatientBanner patient={patient.data} /> : null}>
      <p className="muted">
        <Link to={`/patients/${encodeURIComponent(patientId)}/intake`}>{t('intake.patientTitle')}</Link> ·{' '}
        {t(`intake.statuses.${v.intake.status}`)}
        {v.intake.submittedAt ? ` ${formatDateTime(v.intake.submittedAt, lang)}` : ''} · {t(`intake.respondentLabel.${v.intake.respondent}`)} ·{' '}
        {t('intake.version', { version: v.intake.definitionVersion })}
      </p>
      {!submitted ? <Alert tone="info">{t('intake.notSubmitted')}</Alert> : null}
      {v.mismatches.length ? (
        <Alert tone="warning" title={t('intake.mismatchTitle')}>
          <ul className="plain-list" data-testid="intake-mismatches">
            {v.mismatches.map((m) => (
              <li key={m.field}>
                {m.field === 'sex'
                  ? t('intake.mismatchSex', { registered: t(`sex.${m.registered}`), answered: t(`sex.${m.answered}`) })
                  : t('intake.mismatchBirthDate', { registered: formatDate(m.registered, lang), answered: formatDate(m.answered, lang) })}
              </li>
            ))}
          </ul>
          <p>{t('intake.mismatchHint')}</p>
        </Alert>
      ) : null}
      {submitted && s.alerts.length ? (
        <Alert tone="error" title={t('intake.alerts')}>
          <ul className="plain-list">
            {s.alerts.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {submitted ? (
        <div className="cards">
          <section className="card card--wide" aria-labelledby="intake-summary">
            <div className="intake-summary__head">
              <h2 id="intake-summary">{t('intake.summary')}</h2>
              <div className="intake-toggle" role="group" aria-label={t('intake.summary')}>
                <button type="button" aria-pressed={summaryLang === 'ja'} lang="ja" onClick={() => setSummaryLang('ja')}>
                  {t('intake.summaryJa')}
                </button>
                <button type="button" aria-pressed={summaryLang === 'en'} lang="en" onClick={() => setSummaryLang('en')}>
                  {t('intake.summaryEn')}
                </button>
              </div>
              <CopyButton text={s.text} label={t('intake.copySummary')} />
            </div>
            <p className="pre intake-summary__text" lang={summaryLang} data-testid="intake-summary">
              {s.text}
            </p>
          </section>
          <section className="card card--wide" aria-labelledby="intake-scores">
            <h2 id="intake-scores">{t('intake.scores')}</h2>
            {v.scores.length === 0 ? <p className="muted">{t('intake.noScores')}</p> : null}
            <div className="table-scroll" hidden={v.scores.length === 0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('intake.scale')}</th>
                    <th scope="col">{t('intake.total')}</th>
                    <th scope="col">{t('intake.band')}</th>
                    <th scope="col">{t('intake.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.scores.map((sc) => (
                    <tr key={sc.scaleId} data-testid={`score-${sc.scaleId}`}>
                      <th scope="row">{sc.shortName}</th>
                      <td className="mono">
                        {sc.total ?? '—'}
                        {sc.maxTotal !== null ? ` / ${sc.maxTotal}` : ''}
                      </td>
                      <td>{sc.band ? sc.band[lang] : '—'}</td>
                      <td>
                        {sc.flags.length
                          ? sc.flags.map((f) => (
                              <strong key={f.id} className="intake-flag">
                                {f.item} = {f.score}: {f.action[lang]}
                              </strong>
                            ))
                          : t('intake.noFlags')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">
              {v.intake.consentPolicyVersion && v.intake.consentAt
                ? t('intake.consent', { version: v.intake.consentPolicyVersion, date: formatDateTime(v.intake.consentAt, lang) })
                : t('intake.noConsent')}
            </p>
          </section>
          {v.changes ? (
            <section className="card card--wide" aria-labelledby="intake-changes">
              <h2 id="intake-changes">{t('intake.changes', { date: formatDateTime(v.changes.since, lang) })}</h2>
              {v.changes.items.length === 0 ? (
                <p className="muted">{t('intake.noChanges')}</p>
              ) : (
                <ul className="plain-list intake-changes">
                  {v.changes.items.map((c, i) => (
                    <li key={i}>
                      <span className={`status intake-change--${c.kind}`}>{t(`intake.${c.kind}`)}</span> <strong>{c.label}</strong>
                      {c.before !== undefined ? (
                        <>
                          <br />
                          {t('intake.before')}: <span className="pre">{c.before}</span>
                        </>
                      ) : null}
                      {c.after !== undefined ? (
                        <>
                          <br />
                          {t('intake.after')}: <span className="pre">{c.after}</span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <section className="card card--wide" aria-labelledby="intake-answers">
            <h2 id="intake-answers">{t('intake.answers')}</h2>
            {v.answers.map((sec) => (
              <div key={sec.id} className="intake-answers__section">
                <h3>{sec.title}</h3>
                {sec.groups.map((g) => (
                  <dl key={g.id} className="facts intake-answers">
                    {g.items.map((item) => (
                      <div key={item.questionId}>
                        <dt>{item.label}</dt>
                        <dd className="pre">
                          {item.rows ? (
                            <ol className="intake-rows">
                              {item.rows.map((row, i) => (
                                <li key={i}>{row.map((f) => `${f.label}: ${f.text}`).join(' / ')}</li>
                              ))}
                            </ol>
                          ) : (
                            item.text
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ))}
              </div>
            ))}
          </section>
        </div>
      ) : null}
    </Page>
  );
}
