import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PatientSummary } from '../../../shared/api/types.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { PatientPicker } from '../appointments/patient-picker.tsx';
import { loc, useCatalogue } from './scales-api.ts';
import './scales.css';

/** Scales: pick a patient (assign, links, ratings, timeline), and the list of available scales. */
export function ScalesHomePage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const navigate = useNavigate();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const cat = useCatalogue();
  return (
    <Page
      title={t('scl.title')}
      actions={can('scales:admin') || can('crisis:edit') ? <Link className="btn" to="/scales/admin">{t('scl.adminTitle')}</Link> : null}
    >
      <div className="cards">
        {can('patients:read') ? (
          <section className="card" aria-labelledby="pick-title">
            <h2 id="pick-title">{t('scl.pickPatient')}</h2>
            <PatientPicker
              value={patient}
              onChange={(p) => {
                setPatient(p);
                if (p) navigate(`/scales/patients/${encodeURIComponent(p.id)}`);
              }}
            />
          </section>
        ) : null}
        <section className="card card--wide" aria-labelledby="cat-title">
          <h2 id="cat-title">{t('scl.catalogue')}</h2>
          <ErrorMessage error={cat.error} />
          <div className="table-scroll">
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">{t('scl.scale')}</th>
                  <th scope="col">{t('scl.items')}</th>
                  <th scope="col">{t('scl.informant')}</th>
                  <th scope="col">{t('scl.licence')}</th>
                  <th scope="col">{t('scl.text')}</th>
                </tr>
              </thead>
              <tbody>
                {(cat.data ?? []).map((s) => (
                  <tr key={s.id}>
                    <td className="mono">{s.id}</td>
                    <td>
                      <strong>{s.shortName}</strong> {loc(s.name, lang)} <span className="muted small">v{s.version}</span>
                    </td>
                    <td>{s.items}</td>
                    <td>{s.informants.map((i) => t(`scl.informants.${i}`)).join('・')}</td>
                    <td>{s.licenceClass}</td>
                    <td>{s.textIncluded ? t('scl.textYes') : t('scl.textNo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </Page>
  );
}
