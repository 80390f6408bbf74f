import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Page heading, and the document title to match (screen readers announce it on navigation). */
export function Page(props: {
  readonly title: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly before?: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${props.title} — ${t('app.name')}`;
  }, [props.title, t]);
  return (
    <>
      {props.before}
      <div className="page-head">
        <h1>{props.title}</h1>
        {props.actions ? <div className="page-head__actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </>
  );
}

export function Loading(): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
