import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly className?: string;
}

function Frame(props: FieldFrame & { readonly id: string; readonly children: ReactNode }): ReactNode {
  return (
    <div className={`field${props.error ? ' field--error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? (
          <span className="field__req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {props.children}
      {props.hint ? (
        <p className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, f: FieldFrame): string | undefined {
  const ids = [f.hint ? `${id}-hint` : '', f.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function TextField(props: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>): ReactNode {
  const { label, error, hint, className, ...input } = props;
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...input} />
    </Frame>
  );
}

export function TextAreaField(props: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>): ReactNode {
  const { label, error, hint, className, ...input } = props;
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...input} />
    </Frame>
  );
}

export function SelectField(
  props: FieldFrame &
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & {
      readonly options: readonly { readonly value: string; readonly label: string }[];
    },
): ReactNode {
  const { label, error, hint, className, options, ...input } = props;
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, props)} {...input}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
