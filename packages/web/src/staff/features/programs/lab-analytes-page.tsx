import './programs.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useSession } from '../../session/session.tsx';
import { pick } from './programs-api.ts';
import { useAnalytes } from './records-api.ts';

const SAMPLES = ['serum', 'plasma', 'saliva', 'whole_blood'] as const;

/** The clinic's lab analyte catalogue: the built-in panel, the clinic's own, and a form to add one. */
export function LabAnalytesPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const q = useAnalytes();
  return (
    <Page title={t('rec.catalogue')}>
      <p className="muted">{t('rec.catalogueHint')}</p>
      {q.isLoading ? <Loading /> : null}
      <ErrorMessage error={q.error} />
      {q.data ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('rec.catalogue')}>
          <table className="table table--dense">
            <thead><tr><th scope="col">{t('rec.analyte')}</th><th scope="col">{t('rec.category')}</th><th scope="col">{t('rec.unit')}</th><th scope="col">{t('rec.sampleType')}</th><th scope="col">{t('rec.analyteId')}</th></tr></thead>
            <tbody>
              {q.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{pick(a.label, lang)}{a.builtIn ? null : <> <span className="tag">{t('rec.custom')}</span></>}</th>
                  <td>{t(`rec.categories.${a.category}`)}</td>
                  <td className="nowrap">{a.units.join(' / ')}</td>
                  <td>{a.sampleTypes.map((s) => t(`rec.samples.${s}`)).join('・')}</td>
                  <td><code className="small">{a.id}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {can('programs:admin') ? <AddAnalyteForm /> : null}
    </Page>
  );
}

function AddAnalyteForm(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState({ id: '', ja: '', en: '', unit: '', category: 'biomarker', plausibleMax: '' });
  const [samples, setSamples] = useState<string[]>(['serum']);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const errs = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setOk(false);
    try {
      await api('/api/lab-analytes', {
        method: 'POST',
        body: { id: f.id, label: { ja: f.ja, en: f.en }, unit: f.unit, category: f.category, sampleTypes: samples, ...(f.plausibleMax ? { plausibleMax: Number(f.plausibleMax) } : {}) },
      });
      setOk(true);
      setF({ id: '', ja: '', en: '', unit: '', category: 'biomarker', plausibleMax: '' });
      await qc.invalidateQueries({ queryKey: ['lab-analytes'] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card card--wide" aria-labelledby="an-add">
      <h2 id="an-add">{t('rec.addAnalyte')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('rec.analyteId')} value={f.id} onChange={set('id')} error={errs.id} placeholder="mir124" required />
        <div className="prg-row">
          <TextField label={t('rec.nameJa')} value={f.ja} onChange={set('ja')} error={errs['label.ja'] ?? errs.label} required />
          <TextField label={t('rec.nameEn')} value={f.en} onChange={set('en')} error={errs['label.en']} required />
        </div>
        <div className="prg-row">
          <TextField label={t('rec.unit')} value={f.unit} onChange={set('unit')} error={errs.unit} placeholder="copies/μL" required />
          <SelectField label={t('rec.category')} value={f.category} onChange={set('category')} options={['biomarker', 'safety'].map((c) => ({ value: c, label: t(`rec.categories.${c}`) }))} error={errs.category} />
          <TextField label={t('rec.plausibleMax')} inputMode="decimal" value={f.plausibleMax} onChange={set('plausibleMax')} error={errs.plausibleMax} />
        </div>
        <fieldset>
          <legend>{t('rec.sampleType')}</legend>
          {SAMPLES.map((s) => (
            <label key={s} className="check"><input type="checkbox" checked={samples.includes(s)} onChange={(e) => setSamples((x) => (e.target.checked ? [...x, s] : x.filter((y) => y !== s)))} /> {t(`rec.samples.${s}`)}</label>
          ))}
          {errs.sampleTypes ? <p className="field__error">{errs.sampleTypes}</p> : null}
        </fieldset>
        <ErrorMessage error={error} />
        {ok ? <Alert tone="success">{t('rec.added')}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('rec.addAnalyte')}</button></div>
      </form>
    </section>
  );
}
