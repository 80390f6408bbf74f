/** @jsxImportSource preact */
import type { IntakeRow, RepeatQuestion } from '@mimamori/core/intake/intake-definition';
import { visibleRowFields } from '@mimamori/core/intake/intake-visibility';
import { fill } from '../../shared/format/fill.ts';
import { ErrorText, Label, fieldId, type FieldProps } from './field-bits.tsx';
import { tx } from './intake-text.ts';
import { SimpleField } from './simple-field.tsx';

/** A question answered in rows (medicines, past illnesses): each row its fields, add and remove. */
export function RepeatField({ q, value, onChange, lang, t, errors, rowContext }: FieldProps & { readonly q: RepeatQuestion }) {
  const rows = (Array.isArray(value) ? value : []) as IntakeRow[];
  const id = fieldId(q.id);
  const setRow = (i: number, fieldIdKey: string, v: unknown) => {
    const next = rows.map((r, j) => {
      if (j !== i) return r;
      const copy: Record<string, unknown> = { ...r };
      if (v === null) delete copy[fieldIdKey];
      else copy[fieldIdKey] = v;
      return copy as IntakeRow;
    });
    onChange(next);
  };
  return (
    <fieldset class="field" id={id} tabIndex={-1}>
      <Label q={q} lang={lang} t={t} />
      {q.help ? <p class="field__help">{tx(q.help, lang)}</p> : null}
      {rows.map((row, i) => (
        <div class="row-card" key={i}>
          <p class="row-card__title">{fill(t.row, { n: i + 1 })}</p>
          {visibleRowFields(q, row, rowContext).map((f) => (
            <SimpleField
              key={f.id}
              q={f}
              path={`${q.id}[${i}].${f.id}`}
              value={row[f.id]}
              onChange={(v) => setRow(i, f.id, v)}
              lang={lang}
              t={t}
              errors={errors}
            />
          ))}
          <button type="button" class="btn btn--quiet" onClick={() => onChange(rows.length > 1 ? rows.filter((_, j) => j !== i) : null)}>
            {t.removeRow}
          </button>
        </div>
      ))}
      {rows.length < q.maxRows ? (
        <button type="button" class="btn btn--secondary" onClick={() => onChange([...rows, {}])}>
          ＋ {tx(q.addLabel, lang) || t.addRow}
        </button>
      ) : null}
      <ErrorText path={q.id} errors={errors} />
    </fieldset>
  );
}
