import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayOverride } from '@mimamori/core/scheduling/index';
import { SelectField, TextField } from '../../components/field.tsx';

/** One-day changes: open on a closed day (one session), or close all or part of a day. */
export function DayOverrideList({
  overrides,
  setOverrides,
}: {
  readonly overrides: DayOverride[];
  readonly setOverrides: Dispatch<SetStateAction<DayOverride[]>>;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('calAdmin.overrides')}</h2>
      <p className="field__hint">
        {t('calAdmin.overridesHint')} {t('calAdmin.wholeDay')}
      </p>
      {overrides.map((o, i) => {
        const start = o.kind === 'open' ? (o.sessions[0]?.start ?? '') : (o.start ?? '');
        const end = o.kind === 'open' ? (o.sessions[0]?.end ?? '') : (o.end ?? '');
        const update = (patch: { kind?: 'open' | 'close'; date?: string; start?: string; end?: string; reason?: string }): void =>
          setOverrides((l) =>
            l.map((x, j) => {
              if (j !== i) return x;
              const kind = patch.kind ?? x.kind;
              const s = patch.start ?? start;
              const en = patch.end ?? end;
              const base = { date: patch.date ?? x.date, ...((patch.reason ?? x.reason) ? { reason: patch.reason ?? x.reason } : {}) };
              return kind === 'open'
                ? { kind: 'open', ...base, sessions: [{ start: s || '09:00', end: en || '13:00' }] }
                : { kind: 'close', ...base, ...(s ? { start: s } : {}), ...(en ? { end: en } : {}) };
            }),
          );
        return (
          <fieldset key={i} className="cal-row">
            <legend>
              {t('calAdmin.overrides')} {i + 1}
            </legend>
            <SelectField
              label={t('calAdmin.kind')}
              value={o.kind}
              options={[
                { value: 'close', label: t('calAdmin.close') },
                { value: 'open', label: t('calAdmin.open') },
              ]}
              onChange={(e) => update({ kind: e.target.value as 'open' | 'close' })}
            />
            <TextField label={t('calAdmin.date')} type="date" value={o.date} onChange={(e) => update({ date: e.target.value })} />
            <TextField
              label={t('calAdmin.from')}
              type="time"
              step={300}
              value={start}
              onChange={(e) => update({ start: e.target.value })}
            />
            <TextField label={t('calAdmin.to')} type="time" step={300} value={end} onChange={(e) => update({ end: e.target.value })} />
            <TextField label={t('calAdmin.reason')} value={o.reason ?? ''} onChange={(e) => update({ reason: e.target.value })} />
            <button type="button" className="btn btn--small btn--danger" onClick={() => setOverrides((l) => l.filter((_, j) => j !== i))}>
              {t('calAdmin.removeOverride', { date: o.date })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="btn" onClick={() => setOverrides((l) => [...l, { kind: 'close', date: '' }])}>
          {t('calAdmin.addOverride')}
        </button>
      </p>
    </>
  );
}
