import './programs.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { fileBase64, formatDose, useLots, type LotView } from './treatment-api.ts';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { currentLanguage } from '../../i18n/index.ts';

const CELL = ['umbilical_cord', 'adipose', 'bone_marrow', 'dental_pulp', 'placenta', 'other'];
const ACQ = ['domestic_supplier', 'personal_import', 'contract_manufacture', 'in_house', 'other'];
const REG = ['unapproved_in_japan', 'approved_in_japan', 'other'];
const METHODS = ['nta', 'trps', 'flow_cytometry', 'other'];

/** The product lots of a program with their certificates of analysis: the list, each file, and a form to add one. */
export function LotsPage(): ReactNode {
  const { programId = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const q = useLots(programId);
  return (
    <Page title={t('trt.lotsTitle')}>
      <p><Link to={`/programs/${encodeURIComponent(programId)}`}>{t('prg.dashboard')}</Link></p>
      <section className="card card--wide" aria-labelledby="lots-list">
        <h2 id="lots-list">{t('trt.lotsTitle')}</h2>
        {q.isLoading ? <Loading /> : <ErrorMessage error={q.error} />}
        {q.data && q.data.items.length === 0 ? <p>{t('trt.noLots')}</p> : null}
        {q.data && q.data.items.length ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('trt.lotsTitle')}>
            <table className="table table--dense prg-lots">
              <thead>
                <tr>
                  <th scope="col">{t('trt.lot')}</th><th scope="col">{t('trt.product')}</th><th scope="col">{t('trt.cellSource')}</th><th scope="col">{t('trt.acquisition')}</th>
                  <th scope="col">{t('trt.particlesPerMl')}</th><th scope="col">{t('trt.coa')}</th><th scope="col">{t('trt.certificate')}</th><th scope="col">{t('trt.expiry')}</th>
                </tr>
              </thead>
              <tbody>{q.data.items.map((v) => <LotRow key={v.lot.id} v={v} canWrite={can('programs:record')} programId={programId} />)}</tbody>
            </table>
          </div>
        ) : null}
      </section>
      {can('programs:record') ? <LotForm programId={programId} /> : null}
    </Page>
  );
}

function LotRow({ v, canWrite, programId }: { readonly v: LotView; readonly canWrite: boolean; readonly programId: string }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const l = v.lot;
  const ok = v.releaseProblems.length === 0;
  async function attach(file: File | undefined): Promise<void> {
    if (!file) return;
    setError(null);
    try {
      await api(`/api/program-lots/${l.id}/certificate`, { method: 'PUT', body: { fileName: file.name, base64: await fileBase64(file) } });
      await qc.invalidateQueries({ queryKey: ['program-lots', programId] });
    } catch (e) {
      setError(e);
    }
  }
  return (
    <tr data-lot={l.lot}>
      <th scope="row" className="nowrap">{l.lot}<br /><span className={`tag${ok ? '' : ' tag--bad'}`}>{ok ? t('trt.released') : t('trt.notReleased')}</span></th>
      <td>{l.product}<br /><span className="small muted">{l.manufacturer}・{t(`trt.regulatories.${l.regulatoryStatus}`)}</span></td>
      <td>{t(`trt.cellSources.${l.cellSource}`)}<br /><span className="small muted">{t(`trt.donors.${l.donorRelation}`)}</span></td>
      <td>{t(`trt.acquisitions.${l.acquisitionRoute}`)}</td>
      <td className="nowrap">{formatDose(l.particlesPerMl)}<br /><span className="small muted">{t(`trt.particleMethods.${l.particleMethod}`)}</span></td>
      <td className="small">
        {t('trt.sterility')}: {t(`trt.passFail.${l.coa.sterility}`)}<br />
        {t('trt.endotoxin')}: {l.coa.endotoxinEuPerMl} EU/mL{parenthesized(t(`trt.passFail.${l.coa.endotoxin}`), currentLanguage())}<br />
        {t('trt.mycoplasma')}: {t(`trt.passFail.${l.coa.mycoplasma}`)}<br />
        <span className="muted">{t('trt.testedOn')} {l.coa.testedOn}</span>
      </td>
      <td>
        {v.certificate ? <a href={`/api/program-lots/${l.id}/certificate`}>{t('trt.download')}</a> : <span className="tag tag--bad">{t('trt.noFile')}</span>}
        {canWrite && !v.certificate ? (
          <label className="small prg-attach">{t('trt.attach')}<input type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => void attach(e.target.files?.[0])} /></label>
        ) : null}
        {v.releaseProblems.map((k) => <p key={k} className="small prg-warn">{t(`trt.problem.${k.replace('treatment.', '')}`)}</p>)}
        <ErrorMessage error={error} />
      </td>
      <td className="nowrap">{l.expiryDate}<br /><span className="small muted">{l.storageTemperatureC}℃</span></td>
    </tr>
  );
}

function LotForm({ programId }: { readonly programId: string }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = {
    product: '', manufacturer: '', cellSource: 'umbilical_cord', cellSourceOther: '', donorRelation: 'allogeneic', acquisitionRoute: 'domestic_supplier', acquisitionNote: '',
    regulatoryStatus: 'unapproved_in_japan', regulatoryNote: '', lot: '', expiryDate: '', receivedOn: '', particlesPerMl: '', particleMethod: 'nta', volumePerVialMl: '', storageTemperatureC: '-80',
    testedOn: '', laboratory: '', sterility: 'pass', endotoxinEuPerMl: '', endotoxin: 'pass', mycoplasma: 'pass',
  };
  const [f, setF] = useState(empty);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const errs = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const opts = (xs: readonly string[], key: string) => xs.map((x) => ({ value: x, label: t(`${key}.${x}`) }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setOk(null);
    try {
      const body = {
        product: f.product, manufacturer: f.manufacturer, cellSource: f.cellSource, ...(f.cellSourceOther ? { cellSourceOther: f.cellSourceOther } : {}),
        donorRelation: f.donorRelation, acquisitionRoute: f.acquisitionRoute, ...(f.acquisitionNote ? { acquisitionNote: f.acquisitionNote } : {}),
        regulatoryStatus: f.regulatoryStatus, ...(f.regulatoryNote ? { regulatoryNote: f.regulatoryNote } : {}),
        lot: f.lot, expiryDate: f.expiryDate, receivedOn: f.receivedOn, particlesPerMl: num(f.particlesPerMl), particleMethod: f.particleMethod,
        volumePerVialMl: num(f.volumePerVialMl), storageTemperatureC: num(f.storageTemperatureC),
        coa: { testedOn: f.testedOn, ...(f.laboratory ? { laboratory: f.laboratory } : {}), sterility: f.sterility, endotoxinEuPerMl: num(f.endotoxinEuPerMl), endotoxin: f.endotoxin, mycoplasma: f.mycoplasma },
        ...(file ? { certificate: { fileName: file.name, base64: await fileBase64(file) } } : {}),
      };
      await api(`/api/programs/${encodeURIComponent(programId)}/lots`, { method: 'POST', body });
      setOk(t('trt.lotAdded'));
      setF(empty);
      setFile(null);
      await qc.invalidateQueries({ queryKey: ['program-lots', programId] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card card--wide" aria-labelledby="lots-add">
      <h2 id="lots-add">{t('trt.addLot')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        <TextField label={t('trt.product')} value={f.product} onChange={set('product')} error={errs.product} />
        <TextField label={t('trt.manufacturer')} value={f.manufacturer} onChange={set('manufacturer')} error={errs.manufacturer} />
        <SelectField label={t('trt.cellSource')} value={f.cellSource} onChange={set('cellSource')} options={opts(CELL, 'trt.cellSources')} error={errs.cellSource} />
        {f.cellSource === 'other' ? <TextField label={t('trt.cellSourceOther')} value={f.cellSourceOther} onChange={set('cellSourceOther')} error={errs.cellSourceOther} /> : null}
        <SelectField label={t('trt.donor')} value={f.donorRelation} onChange={set('donorRelation')} options={opts(['autologous', 'allogeneic'], 'trt.donors')} error={errs.donorRelation} />
        <SelectField label={t('trt.acquisition')} value={f.acquisitionRoute} onChange={set('acquisitionRoute')} options={opts(ACQ, 'trt.acquisitions')} error={errs.acquisitionRoute} />
        <TextField label={t('trt.acquisitionNote')} value={f.acquisitionNote} onChange={set('acquisitionNote')} error={errs.acquisitionNote} />
        <SelectField label={t('trt.regulatory')} value={f.regulatoryStatus} onChange={set('regulatoryStatus')} options={opts(REG, 'trt.regulatories')} error={errs.regulatoryStatus} />
        <TextField label={t('trt.regulatoryNote')} value={f.regulatoryNote} onChange={set('regulatoryNote')} error={errs.regulatoryNote} />
        <TextField label={t('trt.lot')} value={f.lot} onChange={set('lot')} error={errs.lot} />
        <TextField label={t('trt.expiry')} type="date" value={f.expiryDate} onChange={set('expiryDate')} error={errs.expiryDate} />
        <TextField label={t('trt.receivedOn')} type="date" value={f.receivedOn} onChange={set('receivedOn')} error={errs.receivedOn} />
        <TextField label={t('trt.particlesPerMl')} inputMode="decimal" value={f.particlesPerMl} onChange={set('particlesPerMl')} error={errs.particlesPerMl} hint="1e10 = 1×10¹⁰" />
        <SelectField label={t('trt.particleMethod')} value={f.particleMethod} onChange={set('particleMethod')} options={opts(METHODS, 'trt.particleMethods')} error={errs.particleMethod} />
        <TextField label={t('trt.volumePerVial')} inputMode="decimal" value={f.volumePerVialMl} onChange={set('volumePerVialMl')} error={errs.volumePerVialMl} />
        <TextField label={t('trt.storageTemp')} inputMode="decimal" value={f.storageTemperatureC} onChange={set('storageTemperatureC')} error={errs.storageTemperatureC} />
        <fieldset className="prg-vitals">
          <legend>{t('trt.coa')}</legend>
          <TextField label={t('trt.testedOn')} type="date" value={f.testedOn} onChange={set('testedOn')} error={errs['coa.testedOn']} />
          <TextField label={t('trt.laboratory')} value={f.laboratory} onChange={set('laboratory')} error={errs['coa.laboratory']} />
          <SelectField label={t('trt.sterility')} value={f.sterility} onChange={set('sterility')} options={opts(['pass', 'fail'], 'trt.passFail')} error={errs['coa.sterility']} />
          <TextField label={t('trt.endotoxinValue')} inputMode="decimal" value={f.endotoxinEuPerMl} onChange={set('endotoxinEuPerMl')} error={errs['coa.endotoxinEuPerMl']} />
          <SelectField label={t('trt.endotoxin')} value={f.endotoxin} onChange={set('endotoxin')} options={opts(['pass', 'fail'], 'trt.passFail')} error={errs['coa.endotoxin']} />
          <SelectField label={t('trt.mycoplasma')} value={f.mycoplasma} onChange={set('mycoplasma')} options={opts(['pass', 'fail'], 'trt.passFail')} error={errs['coa.mycoplasma']} />
        </fieldset>
        <TextField label={t('trt.certificateFile')} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} error={errs.certificate} />
        <ErrorMessage error={error} />
        {ok ? <Alert tone="success">{ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('trt.addLot')}</button></div>
      </form>
    </section>
  );
}
