/** @jsxImportSource preact */
import type { ConsentAnswer, IntakeQuestion } from '@mimamori/core/intake/intake-definition';
import { ErrorText, fieldId, type FieldProps } from './field-bits.tsx';
import { tx } from './intake-text.ts';

/** The privacy statement and its tick box, tied to the policy version shown. */
export function ConsentField({
  q,
  value,
  onChange,
  lang,
  t,
  errors,
}: FieldProps & { readonly q: Extract<IntakeQuestion, { type: 'consent' }> }) {
  const v = value as ConsentAnswer | undefined;
  const id = fieldId(q.id);
  return (
    <div class="field">
      <p class="field__label">{tx(q.label, lang)}</p>
      <div class="consent__text" id={`${id}-text`}>
        {tx(q.statement, lang)
          .split('\n')
          .map((line, i) => (
            <p key={i}>{line}</p>
          ))}
      </div>
      <label class="choice choice--consent">
        <input
          type="checkbox"
          id={id}
          aria-describedby={[`${id}-text`, errors.has(q.id) ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={errors.has(q.id) || undefined}
          checked={v?.agreed === true && v.policyVersion === q.policyVersion}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked ? { agreed: true, policyVersion: q.policyVersion } : null)}
        />
        <span>{t.consentAgree}</span>
      </label>
      <ErrorText path={q.id} errors={errors} />
    </div>
  );
}
