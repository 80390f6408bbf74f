/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import type {
  ChoiceAnswer,
  ConsentAnswer,
  IntakeFieldQuestion,
  IntakeQuestion,
  IntakeRow,
  IntakeText,
  MultiChoiceAnswer,
  RepeatQuestion,
  ScaleAnswer,
} from '@mimamori/core/intake/intake-definition';
import type { IntakeConditionContext } from '@mimamori/core/intake/evaluate-intake-condition';
import { visibleRowFields } from '@mimamori/core/intake/intake-visibility';
import type { Lang } from '../shared/i18n.ts';
import type { ScaleView } from './intake-api.ts';
import { fill } from '../../shared/format/fill.ts';
import type { IntakeMessages } from './intake-i18n.ts';

export interface FieldProps {
  readonly q: IntakeQuestion;
  readonly value: unknown;
  readonly onChange: (v: unknown) => void;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  /** Error messages by path (`birth_date`, `symptoms.other`, `medicines[1].dose`). */
  readonly errors: ReadonlyMap<string, string>;
  readonly scales: Readonly<Record<string, ScaleView>>;
  readonly rowContext: IntakeConditionContext;
}

/** DOM id of an answer path: `medicines[1].dose` → `q-medicines-1-dose`. */
export const fieldId = (path: string): string => `q-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

const tx = (t: IntakeText | undefined, lang: Lang): string => (t ? t[lang] || t.ja : '');

function ErrorText({ path, errors }: { readonly path: string; readonly errors: ReadonlyMap<string, string> }) {
  const e = errors.get(path);
  return e ? (
    <p class="field__error" id={`${fieldId(path)}-error`}>
      {e}
    </p>
  ) : null;
}

function Label({
  q,
  lang,
  t,
  htmlFor,
}: {
  readonly q: IntakeFieldQuestion | IntakeQuestion;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  readonly htmlFor?: string;
}) {
  const inner = (
    <>
      {tx(q.label, lang)}
      <span class={q.required ? 'badge badge--req' : 'badge'}>{q.required ? t.required : t.optional}</span>
    </>
  );
  return htmlFor ? (
    <label class="field__label" for={htmlFor}>
      {inner}
    </label>
  ) : (
    <legend class="field__label">{inner}</legend>
  );
}

function describedBy(path: string, errors: ReadonlyMap<string, string>, help: boolean): string | undefined {
  const ids = [help ? `${fieldId(path)}-help` : '', errors.has(path) ? `${fieldId(path)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

interface SimpleProps {
  readonly q: IntakeFieldQuestion;
  readonly path: string;
  readonly value: unknown;
  readonly onChange: (v: unknown) => void;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  readonly errors: ReadonlyMap<string, string>;
}

/** One question of a field type (also used for the fields of a repeated row). */
function SimpleField({ q, path, value, onChange, lang, t, errors }: SimpleProps): ComponentChildren {
  const id = fieldId(path);
  const invalid = errors.has(path) || undefined;
  const helpText =
    tx(q.help, lang) || (q.type === 'date' ? t.dateHelp : q.type === 'phone' ? t.phoneHelp : q.type === 'postalCode' ? t.postalHelp : '');
  const help = helpText ? (
    <p class="field__help" id={`${id}-help`}>
      {helpText}
    </p>
  ) : null;
  const setText = (s: string) => onChange(s === '' ? null : s);
  const common = {
    id,
    'aria-invalid': invalid,
    'aria-describedby': describedBy(path, errors, Boolean(helpText)),
    'aria-required': q.required || undefined,
  };

  switch (q.type) {
    case 'text':
    case 'kana':
    case 'phone':
    case 'postalCode':
    case 'date':
    case 'number': {
      const attrs =
        q.type === 'phone'
          ? { type: 'tel', inputMode: 'tel' as const, autoComplete: 'tel' }
          : q.type === 'postalCode'
            ? { type: 'text', inputMode: 'numeric' as const, autoComplete: 'postal-code' }
            : q.type === 'date'
              ? { type: 'text', inputMode: 'numeric' as const, placeholder: t.datePlaceholder, autoComplete: q.birthDate ? 'bday' : 'off' }
              : q.type === 'number'
                ? { type: 'text', inputMode: 'decimal' as const }
                : { type: 'text' };
      const list = q.type === 'text' && q.suggestions?.length ? `${id}-list` : undefined;
      return (
        <div class="field">
          <Label q={q} lang={lang} t={t} htmlFor={id} />
          {help}
          <div class="field__row">
            <input
              class="input"
              {...common}
              {...attrs}
              list={list}
              value={str(value)}
              onInput={(e) => setText((e.target as HTMLInputElement).value)}
            />
            {q.type === 'number' && q.unit ? <span class="field__unit">{tx(q.unit, lang)}</span> : null}
          </div>
          {list && q.type === 'text' ? (
            <datalist id={list}>
              {q.suggestions!.map((s) => (
                <option value={tx(s, lang)} key={s.ja} />
              ))}
            </datalist>
          ) : null}
          <ErrorText path={path} errors={errors} />
        </div>
      );
    }
    case 'longText': {
      const n = [...str(value)].length;
      return (
        <div class="field">
          <Label q={q} lang={lang} t={t} htmlFor={id} />
          {help}
          <textarea
            class="input input--area"
            rows={4}
            {...common}
            value={str(value)}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          <p class={n > q.maxLength ? 'field__count field__count--over' : 'field__count'} aria-live="polite">
            {fill(t.chars, { n, max: q.maxLength })}
          </p>
          <ErrorText path={path} errors={errors} />
        </div>
      );
    }
    case 'yesNo':
      return (
        <fieldset class="field" aria-describedby={describedBy(path, errors, Boolean(helpText))} id={id} tabIndex={-1}>
          <Label q={q} lang={lang} t={t} />
          {help}
          <div class="choices choices--inline">
            {[true, false].map((b) => (
              <label class="choice" key={String(b)}>
                <input type="radio" name={id} checked={value === b} onChange={() => onChange(b)} />
                <span>{b ? t.yes : t.no}</span>
              </label>
            ))}
          </div>
          <ErrorText path={path} errors={errors} />
        </fieldset>
      );
    case 'singleChoice': {
      const v = (typeof value === 'string' ? { choice: value } : (value as ChoiceAnswer | undefined)) ?? undefined;
      const options = [...q.options, ...(q.other ? [{ value: 'other', label: q.other.label }] : [])];
      return (
        <fieldset class="field" id={id} tabIndex={-1} aria-describedby={describedBy(path, errors, Boolean(helpText))}>
          <Label q={q} lang={lang} t={t} />
          {help}
          <div class="choices">
            {options.map((o) => (
              <label class="choice" key={o.value}>
                <input
                  type="radio"
                  name={id}
                  checked={v?.choice === o.value}
                  onChange={() => onChange(o.value === 'other' ? { choice: 'other', other: v?.other ?? '' } : { choice: o.value })}
                />
                <span>{tx(o.label, lang)}</span>
              </label>
            ))}
          </div>
          {v?.choice === 'other' ? (
            <input
              class="input"
              id={`${id}-other`}
              aria-label={`${tx(q.label, lang)}: ${tx(q.other?.label, lang)}`}
              placeholder={t.otherPlaceholder}
              aria-invalid={errors.has(`${path}.other`) || undefined}
              value={v.other ?? ''}
              onInput={(e) => onChange({ choice: 'other', other: (e.target as HTMLInputElement).value })}
            />
          ) : null}
          <ErrorText path={path} errors={errors} />
          <ErrorText path={`${path}.other`} errors={errors} />
        </fieldset>
      );
    }
    case 'multipleChoice': {
      const v = (Array.isArray(value) ? { choices: value as string[] } : (value as MultiChoiceAnswer | undefined)) ?? { choices: [] };
      const options = [...q.options, ...(q.other ? [{ value: 'other', label: q.other.label }] : [])];
      const toggle = (opt: string, on: boolean) => {
        let choices = on ? [...v.choices, opt] : v.choices.filter((c) => c !== opt);
        // An exclusive option ("none") clears the others, and the others clear it.
        if (on && q.exclusive?.includes(opt)) choices = [opt];
        else if (on) choices = choices.filter((c) => !q.exclusive?.includes(c));
        const next: MultiChoiceAnswer = choices.includes('other') ? { choices, other: v.other ?? '' } : { choices };
        onChange(choices.length ? next : null);
      };
      return (
        <fieldset class="field" id={id} tabIndex={-1} aria-describedby={describedBy(path, errors, true)}>
          <Label q={q} lang={lang} t={t} />
          <p class="field__help" id={`${id}-help`}>
            {tx(q.help, lang) || t.selectHint}
          </p>
          <div class="choices">
            {options.map((o) => (
              <label class="choice" key={o.value}>
                <input
                  type="checkbox"
                  checked={v.choices.includes(o.value)}
                  onChange={(e) => toggle(o.value, (e.target as HTMLInputElement).checked)}
                />
                <span>{tx(o.label, lang)}</span>
              </label>
            ))}
          </div>
          {v.choices.includes('other') ? (
            <input
              class="input"
              id={`${id}-other`}
              aria-label={`${tx(q.label, lang)}: ${tx(q.other?.label, lang)}`}
              placeholder={t.otherPlaceholder}
              aria-invalid={errors.has(`${path}.other`) || undefined}
              value={v.other ?? ''}
              onInput={(e) => onChange({ choices: v.choices, other: (e.target as HTMLInputElement).value })}
            />
          ) : null}
          <ErrorText path={path} errors={errors} />
          <ErrorText path={`${path}.other`} errors={errors} />
        </fieldset>
      );
    }
  }
}

function RepeatField({ q, value, onChange, lang, t, errors, rowContext }: FieldProps & { readonly q: RepeatQuestion }) {
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

function ScaleField({
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

function ConsentField({ q, value, onChange, lang, t, errors }: FieldProps & { readonly q: Extract<IntakeQuestion, { type: 'consent' }> }) {
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

/** Renders one question of any type. All answer text is rendered as text (Preact escapes it). */
export function QuestionField(props: FieldProps) {
  const { q } = props;
  if (q.type === 'repeat') return <RepeatField {...props} q={q} />;
  if (q.type === 'scale') return <ScaleField {...props} q={q} />;
  if (q.type === 'consent') return <ConsentField {...props} q={q} />;
  return (
    <SimpleField q={q} path={q.id} value={props.value} onChange={props.onChange} lang={props.lang} t={props.t} errors={props.errors} />
  );
}
