/** @jsxImportSource preact */
import type { IntakeQuestion, ScaleAnswer } from '@mimamori/core/intake/intake-definition';
import { ErrorText, fieldId, type FieldProps } from './field-bits.tsx';
import { tx } from './intake-text.ts';

/** A rating scale inside the intake (its items and options as the server sends them). */
export function ScaleField({
  q,
  value,
  onChange,
  lang,
  t,
  errors,
  scales,
}: FieldProps & { readonly q: Extract<IntakeQuestion, { type: 'scale' }> }) {
  const view = scales[q.scaleId];
  const v = value as ScaleAnswer | undefined;
  const answers = v?.scaleId === q.scaleId ? v.answers : {};
  if (!view) return <p class="muted">{tx(q.label, lang)}</p>;
  return (
    <div class="field" id={fieldId(q.id)} tabIndex={-1}>
      <p class="scale__instructions">{view.instructions ? view.instructions[lang] || view.instructions.ja : t.scaleInstructions}</p>
      {view.items.map((item, i) => {
        const path = `${q.id}.${item.id}`;
        const name = `${fieldId(q.id)}-${item.id}`;
        return (
          <fieldset class="scale__item" key={item.id} aria-describedby={errors.has(path) ? `${fieldId(path)}-error` : undefined}>
            <legend class="field__label">
              <span class="scale__num">{i + 1}.</span> {item.text[lang] || item.text.ja}
            </legend>
            <div class="choices">
              {item.options.map((o) => (
                <label class="choice" key={o.value}>
                  <input
                    type="radio"
                    name={name}
                    checked={answers[item.id] === o.value}
                    onChange={() => onChange({ scaleId: q.scaleId, answers: { ...answers, [item.id]: o.value } })}
                  />
                  <span>{o.label[lang] || o.label.ja}</span>
                </label>
              ))}
            </div>
            <ErrorText path={path} errors={errors} />
          </fieldset>
        );
      })}
      <ErrorText path={q.id} errors={errors} />
      {view.copyright ? <p class="muted scale__copyright">{view.copyright}</p> : null}
    </div>
  );
}
