/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import type { ChoiceAnswer, IntakeFieldQuestion, MultiChoiceAnswer } from '@mimamori/core/intake/intake-definition';
import { fill } from '../../shared/format/fill.ts';
import type { Lang } from '../shared/i18n.ts';
import { ErrorText, Label, describedBy, fieldId, str } from './field-bits.tsx';
import type { IntakeMessages } from './intake-i18n.ts';
import { tx } from './intake-text.ts';

export interface SimpleProps {
  readonly q: IntakeFieldQuestion;
  readonly path: string;
  readonly value: unknown;
  readonly onChange: (v: unknown) => void;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  readonly errors: ReadonlyMap<string, string>;
}

/** One question of a field type (also used for the fields of a repeated row). */
export function SimpleField({ q, path, value, onChange, lang, t, errors }: SimpleProps): ComponentChildren {
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
