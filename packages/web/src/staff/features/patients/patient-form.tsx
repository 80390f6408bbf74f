import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { SEXES, type PatientSummary } from '../../../shared/api/types.ts';
import { isMinor, todayIn } from '../../../shared/format/age.ts';
import { formatDate } from '../../../shared/format/dates.ts';
import { Alert } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useDuplicates } from './patient-api.ts';
import { EMPTY_GUARDIAN, type GuardianValues, type PatientFormValues } from './patient-form-values.ts';

/** The server accepts at most five guardians. */
const MAX_GUARDIANS = 5;

export interface PatientFormProps {
  readonly initial: PatientFormValues;
  /** New patients get the live duplicate check. */
  readonly mode: 'new' | 'edit';
  readonly submitLabel: string;
  readonly onSubmit: (values: PatientFormValues, acknowledgeDuplicates: boolean) => Promise<void>;
  readonly cancelTo: string;
}

function DuplicateList({ items }: { readonly items: readonly PatientSummary[] }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <ul className="dup-list">
      {items.map((p) => (
        <li key={p.id}>
          <Link to={`/patients/${encodeURIComponent(p.id)}`} target="_blank" rel="noopener">
            <span className="mono">{p.patientNumber}</span> {p.nameKanji}（{p.nameKana}）
          </Link>{' '}
          {formatDate(p.birthDate, lang)}
          {p.phone ? ` · ${p.phone}` : ''}
          <span className="visually-hidden"> {t('common.newTab')}</span>
        </li>
      ))}
    </ul>
  );
}

export function PatientForm(props: PatientFormProps): ReactNode {
  const { t } = useTranslation();
  const [v, setV] = useState<PatientFormValues>(props.initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [acknowledge, setAcknowledge] = useState(false);
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed submit, take keyboard and screen-reader users to the first field to fix,
  // or to the message when no single field is at fault.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.alert');
    if (target) {
      if (!target.matches('input, select, textarea')) target.tabIndex = -1;
      target.focus();
    }
  }, [attempt]);

  const dupKana = useDebounced(props.mode === 'new' ? v.nameKana : '');
  const dupPhone = useDebounced(props.mode === 'new' ? v.phone : '');
  const dupQuery = useDuplicates(dupKana, v.birthDate, dupPhone);
  const conflict = error instanceof ApiError && error.status === 409 && error.duplicates.length > 0 ? error.duplicates : null;
  const duplicates = conflict ?? (props.mode === 'new' ? (dupQuery.data ?? []) : []);
  const minor = isMinor(v.birthDate, todayIn(new Date()));
  const errs = fieldErrors(error);
  const set = <K extends keyof PatientFormValues>(k: K, value: PatientFormValues[K]): void => setV((old) => ({ ...old, [k]: value }));
  const setGuardian = (i: number, k: keyof GuardianValues, value: string): void =>
    setV((old) => ({ ...old, guardians: old.guardians.map((g, j) => (j === i ? { ...g, [k]: value } : g)) }));

  const required = (k: 'nameKanji' | 'nameKana' | 'birthDate' | 'sex'): string | undefined =>
    errs[k] ?? (tried && v[k] === '' ? t('common.required') : undefined);

  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (!v.nameKanji.trim() || !v.nameKana.trim() || !v.birthDate || !v.sex) {
      setError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(v, acknowledge);
    } catch (err) {
      setError(err);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const showGuardians = minor || v.guardians.length > 0;

  // A minor needs a guardian: open one empty guardian row as soon as the birth date says so.
  useEffect(() => {
    if (minor) setV((old) => (old.guardians.length === 0 ? { ...old, guardians: [{ ...EMPTY_GUARDIAN }] } : old));
  }, [minor]);

  return (
    <form ref={formRef} className="form form--wide" onSubmit={(e) => void onSubmit(e)} noValidate>
      {error && !conflict ? (
        <Alert tone="error">{error instanceof Error ? error.message : String(error)}</Alert>
      ) : tried && Object.keys(errs).length === 0 && (!v.nameKanji || !v.nameKana || !v.birthDate || !v.sex) ? (
        <Alert tone="error">{t('patients.fixErrors')}</Alert>
      ) : null}

      <fieldset>
        <legend>{t('patients.basic')}</legend>
        <div className="grid-2">
          <TextField
            label={t('patients.nameKanji')}
            hint={t('patients.nameKanjiHint')}
            required
            lang="ja"
            autoComplete="off"
            value={v.nameKanji}
            error={required('nameKanji')}
            onChange={(e) => set('nameKanji', e.target.value)}
          />
          <TextField
            label={t('patients.nameKana')}
            hint={t('patients.nameKanaHint')}
            required
            lang="ja"
            autoComplete="off"
            value={v.nameKana}
            error={required('nameKana')}
            onChange={(e) => set('nameKana', e.target.value)}
          />
          <TextField
            label={t('patients.birthDate')}
            type="date"
            required
            min="1900-01-01"
            max={todayIn(new Date())}
            value={v.birthDate}
            error={required('birthDate')}
            onChange={(e) => set('birthDate', e.target.value)}
          />
          <SelectField
            label={t('patients.sex')}
            required
            value={v.sex}
            error={required('sex')}
            onChange={(e) => set('sex', e.target.value as PatientFormValues['sex'])}
            options={[{ value: '', label: t('common.choose') }, ...SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
          />
        </div>
      </fieldset>

      {duplicates.length > 0 ? (
        <Alert tone="warning" title={t('patients.dupTitle')}>
          <p>{t('patients.dupBody')}</p>
          <DuplicateList items={duplicates} />
          {conflict || duplicates.length > 0 ? (
            <div className="check">
              <input id="ack-duplicates" type="checkbox" checked={acknowledge} onChange={(e) => setAcknowledge(e.target.checked)} />
              <label htmlFor="ack-duplicates">{t('patients.dupAck')}</label>
            </div>
          ) : null}
        </Alert>
      ) : null}

      <fieldset>
        <legend>{t('patients.contact')}</legend>
        <div className="grid-2">
          <TextField
            label={t('patients.phone')}
            type="tel"
            autoComplete="off"
            inputMode="tel"
            value={v.phone}
            error={errs.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
          <TextField
            label={t('patients.email')}
            type="email"
            autoComplete="off"
            value={v.email}
            error={errs.email}
            onChange={(e) => set('email', e.target.value)}
          />
          <TextField
            label={t('patients.postalCode')}
            hint={t('patients.postalCodeHint')}
            inputMode="numeric"
            autoComplete="off"
            value={v.postalCode}
            error={errs.postalCode}
            onChange={(e) => set('postalCode', e.target.value)}
          />
          <TextField
            label={t('patients.address')}
            autoComplete="off"
            value={v.address}
            error={errs.address}
            onChange={(e) => set('address', e.target.value)}
          />
        </div>
      </fieldset>

      {showGuardians ? (
        <fieldset>
          <legend>{t('patients.guardians')}</legend>
          {minor ? <p className="field__hint">{t('patients.guardiansHint')}</p> : null}
          {errs.guardians ? <p className="field__error">{errs.guardians}</p> : null}
          {v.guardians.map((g, i) => (
            <div className="guardian" key={i}>
              <p className="guardian__title">{t('patients.guardianN', { n: i + 1 })}</p>
              <div className="grid-2">
                <TextField
                  label={t('patients.guardianName')}
                  required
                  value={g.name}
                  error={errs[`guardians.${i}.name`]}
                  onChange={(e) => setGuardian(i, 'name', e.target.value)}
                />
                <TextField
                  label={t('patients.guardianKana')}
                  value={g.nameKana}
                  error={errs[`guardians.${i}.nameKana`]}
                  onChange={(e) => setGuardian(i, 'nameKana', e.target.value)}
                />
                <TextField
                  label={t('patients.relation')}
                  hint={t('patients.relationHint')}
                  required
                  value={g.relation}
                  error={errs[`guardians.${i}.relation`]}
                  onChange={(e) => setGuardian(i, 'relation', e.target.value)}
                />
                <TextField
                  label={t('patients.phone')}
                  type="tel"
                  inputMode="tel"
                  value={g.phone}
                  error={errs[`guardians.${i}.phone`]}
                  onChange={(e) => setGuardian(i, 'phone', e.target.value)}
                />
                <TextField
                  label={t('patients.email')}
                  type="email"
                  value={g.email}
                  error={errs[`guardians.${i}.email`]}
                  onChange={(e) => setGuardian(i, 'email', e.target.value)}
                />
              </div>
              <button
                type="button"
                className="btn btn--quiet"
                onClick={() => setV((old) => ({ ...old, guardians: old.guardians.filter((_, j) => j !== i) }))}
              >
                {t('patients.removeGuardian', { n: i + 1 })}
              </button>
            </div>
          ))}
          {v.guardians.length < MAX_GUARDIANS ? (
            <button
              type="button"
              className="btn"
              onClick={() => setV((old) => ({ ...old, guardians: [...old.guardians, { ...EMPTY_GUARDIAN }] }))}
            >
              {t('patients.addGuardian')}
            </button>
          ) : null}
        </fieldset>
      ) : (
        <p>
          <button type="button" className="btn btn--quiet" onClick={() => setV((old) => ({ ...old, guardians: [{ ...EMPTY_GUARDIAN }] }))}>
            {t('patients.addGuardian')}
          </button>
        </p>
      )}

      <div className="card form-card">
        <TextAreaField
          label={t('patients.notes')}
          hint={t('patients.notesHint')}
          rows={3}
          value={v.notes}
          error={errs.notes}
          onChange={(e) => set('notes', e.target.value)}
        />
      </div>

      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || (conflict !== null && !acknowledge)}>
          {busy ? t('common.working') : props.submitLabel}
        </button>
        <Link className="btn" to={props.cancelTo}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
