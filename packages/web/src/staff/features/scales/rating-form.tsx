import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { SelectField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ErrorDetails } from './error-details.tsx';
import { loc, useCatalogue, useDefinition } from './scales-api.ts';

function newKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** A doctor rates a clinician-rated scale (HAM-D17, MADRS) item by item. */
export function RatingForm({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const cat = useCatalogue();
  const rated = (cat.data ?? []).filter((s) => s.informants.includes('clinician'));
  const [scaleId, setScaleId] = useState('hamd17');
  const def = useDefinition(scaleId);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  // One key per filled-in form, so a double click or a retry stores one rating.
  const [key, setKey] = useState(newKey);
  const m = useMutation({
    mutationFn: () =>
      api<{ total: number | null; duplicate: boolean }>(`/api/patients/${encodeURIComponent(patientId)}/scale-ratings`, {
        method: 'POST',
        body: { scaleId, answers, idempotencyKey: key },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['scales', 'timeline', patientId] });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
  const items = def.data?.items ?? [];
  const complete = items.length > 0 && items.every((i) => answers[i.id] !== undefined);
  return (
    <form
      className="form form--wide"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <SelectField
        label={t('scl.scale')}
        value={scaleId}
        onChange={(e) => {
          setScaleId(e.target.value);
          setAnswers({});
          setKey(newKey());
          m.reset();
        }}
        options={rated.map((s) => ({ value: s.id, label: `${s.shortName} — ${loc(s.name, lang)}` }))}
      />
      <p className="small muted">{t('scl.ratingHelp')}</p>
      <div className="rating-items">
        {items.map((item, n) => (
          <fieldset key={item.id} className="rating-item">
            <legend>
              {n + 1}. {loc(item.text, lang) || item.id}
            </legend>
            <div className="rating-options">
              {item.options.map((o) => (
                <label key={o.value} className="check">
                  <input
                    type="radio"
                    name={`${scaleId}-${item.id}`}
                    checked={answers[item.id] === o.value}
                    onChange={() => {
                      setAnswers((a) => ({ ...a, [item.id]: o.value }));
                      if (m.isSuccess) {
                        m.reset();
                        setKey(newKey());
                      }
                    }}
                  />{' '}
                  {o.value}
                  {o.label ? ` ${loc(o.label, lang)}` : ''}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {m.isError ? <ErrorDetails error={m.error} /> : null}
      {m.isSuccess ? <Alert tone="success">{t('scl.saved', { total: m.data.total ?? '—' })}</Alert> : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={!complete || m.isPending || m.isSuccess}>
          {t('scl.save')}
        </button>
      </div>
    </form>
  );
}
