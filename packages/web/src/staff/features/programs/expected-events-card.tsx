import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import type { Program } from './programs-api.ts';

/** The program's expected adverse events with their sources (the list "unexpected" is decided against). */
export function ExpectedEventsCard({ program }: { readonly program: Program }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = program.safety?.expectedAdverseEvents ?? [];
  return (
    <section className="card card--wide" aria-labelledby="prg-expected">
      <h2 id="prg-expected">{t('sae.expectedTitle')}</h2>
      {list.length === 0 ? <p className="muted">{t('sae.expectedNone')}</p> : (
        <details>
          <summary>{t('sae.expectedCount', { count: list.length })}</summary>
          <ul className="small">
            {list.map((e) => <li key={e.id}>{e.term[lang]} — <span className="muted">{e.source}</span></li>)}
          </ul>
        </details>
      )}
      <p className="small muted">{t('sae.reportDays', { days: program.safety?.saeReportDays ?? 7 })}</p>
    </section>
  );
}
