import type { ReactNode } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Alert } from '../../components/alert.tsx';

/** An API error with every field-level problem listed (import and rating errors have several). */
export function ErrorDetails({ error }: { readonly error: unknown }): ReactNode {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert tone="error" title={message}>
      {details.length > 0 ? (
        <ul className="issue-list">
          {details.map((d, i) => (
            <li key={i}>
              {d.path ? <code>{d.path}</code> : null} {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
