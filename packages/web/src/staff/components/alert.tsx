import type { ReactNode } from 'react';

/** A message box. `error` is announced at once; the others politely. */
export function Alert(props: {
  readonly tone: 'error' | 'warning' | 'info' | 'success';
  readonly title?: string;
  readonly children?: ReactNode;
}): ReactNode {
  return (
    <div className={`alert alert--${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.title ? <p className="alert__title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}

export function ErrorMessage({ error }: { readonly error: unknown }): ReactNode {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return <Alert tone="error">{message}</Alert>;
}
