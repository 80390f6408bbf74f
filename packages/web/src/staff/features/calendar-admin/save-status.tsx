import type { ReactNode } from 'react';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import type { ConfigSaver } from './use-config-saver.ts';

/** Under each settings form: "saved", the error, and the server's issues by field path. */
export function SaveStatus({ saver }: { readonly saver: ConfigSaver }): ReactNode {
  const list = Object.entries(saver.issues);
  return (
    <>
      {saver.message ? <Alert tone="success">{saver.message}</Alert> : null}
      <ErrorMessage error={saver.error} />
      {list.length > 0 ? (
        <ul className="small">
          {list.map(([k, v]) => (
            <li key={k}>
              <code>{k}</code>: {v}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
