import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicClosure } from '@mimamori/core/scheduling/index';
import { SelectField, TextField } from '../../components/field.tsx';

/** The clinic's closures: every year (12-29 to 01-03) or once (two dates). */
export function ClosureList({
  closures,
  setClosures,
}: {
  readonly closures: ClinicClosure[];
  readonly setClosures: Dispatch<SetStateAction<ClinicClosure[]>>;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('calAdmin.closures')}</h2>
      <p className="field__hint">{t('calAdmin.closuresHint')}</p>
      {closures.map((c, i) => (
        <fieldset key={i} className="cal-row">
          <legend>
            {t('calAdmin.closures')} {i + 1}
          </legend>
          <SelectField
            label={t('calAdmin.kind')}
            value={c.kind}
            options={[
              { value: 'annual', label: t('calAdmin.annual') },
              { value: 'dates', label: t('calAdmin.once') },
            ]}
            onChange={(e) =>
              setClosures(
                (l) =>
                  l.map((x, j) =>
                    j === i ? { ...x, kind: e.target.value as 'annual' | 'dates', from: '', to: '' } : x,
                  ) as ClinicClosure[],
              )
            }
          />
          <TextField
            label={t('calAdmin.from')}
            type={c.kind === 'dates' ? 'date' : 'text'}
            placeholder={c.kind === 'annual' ? '12-29' : undefined}
            value={c.from}
            onChange={(e) => setClosures((l) => l.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))}
          />
          <TextField
            label={t('calAdmin.to')}
            type={c.kind === 'dates' ? 'date' : 'text'}
            placeholder={c.kind === 'annual' ? '01-03' : undefined}
            value={c.to}
            onChange={(e) => setClosures((l) => l.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))}
          />
          <TextField
            label={t('calAdmin.reason')}
            value={c.reason}
            onChange={(e) => setClosures((l) => l.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))}
          />
          <button type="button" className="btn btn--small btn--danger" onClick={() => setClosures((l) => l.filter((_, j) => j !== i))}>
            {t('calAdmin.removeClosure', { reason: c.reason })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => setClosures((l) => [...l, { kind: 'dates', from: '', to: '', reason: '' }])}>
          {t('calAdmin.addClosure')}
        </button>
      </p>
    </>
  );
}
