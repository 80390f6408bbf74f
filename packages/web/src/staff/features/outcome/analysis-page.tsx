import './outcome.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiDownload } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { SelectField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ANALYTES, isAnalyteId } from '@mimamori/core/labs/analytes';
import { bundleUrl, createCut, cutsKey, lockPlan, plansKey, reportUrl, savePlan, useCuts, usePlans, type DataCut, type PlanInput, type PlanVersion, type PlansAnswer } from './outcome-api.ts';
import { PlanForm, scaleName } from './plan-form.tsx';

type Lang = 'ja' | 'en';

/** An instant as the clinic reads it (Tokyo), with the zone named. */
function when(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  return `${new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))} JST`;
}

/** A program's 解析 page: the analysis plan (draft, lock, amend, history), data cuts, and the report of a cut. */
export function AnalysisPage(): ReactNode {
  const { programId = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage() as Lang;
  const plans = usePlans(programId);
  const title = plans.data ? t('ana.titleOf', { program: plans.data.program.title[lang] || plans.data.program.title.ja }) : t('ana.title');
  return (
    <Page title={title} before={<p className="small"><Link to="/analysis">← {t('ana.back')}</Link></p>}>
      <p className="muted">{t('ana.pseudonymised')}</p>
      {plans.isLoading ? <Loading /> : null}
      <ErrorMessage error={plans.error} />
      {plans.data ? (
        <>
          <PlanSection programId={programId} data={plans.data} />
          <CutsAndReport programId={programId} versions={plans.data.versions} />
        </>
      ) : null}
    </Page>
  );
}

function PlanFacts({ v, visits }: { readonly v: PlanVersion; readonly visits: PlansAnswer['program']['visits'] }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage() as Lang;
  const p = v.plan;
  const visit = (id: string) => visits.find((x) => x.id === id)?.label[lang] || id;
  return (
    <dl className="facts ana-facts">
      <div><dt>{t('ana.status')}</dt><dd><strong>{t('ana.version', { v: v.version })}</strong> · {v.lockedAt ? t('ana.locked') : t('ana.draft')}</dd></div>
      {v.lockedAt ? (
        <>
          <div><dt>{t('ana.lockedAt')}</dt><dd>{when(v.lockedAt, lang)}</dd></div>
          <div><dt>{t('ana.sha256')}</dt><dd className="mono ana-hash">{v.sha256}</dd></div>
          <div><dt>{t('ana.beforeFirstEnrolment')}</dt><dd>{v.lockedBeforeFirstEnrolment === null ? '—' : v.lockedBeforeFirstEnrolment ? t('ana.yes') : t('ana.no')}</dd></div>
        </>
      ) : null}
      {v.amendmentReason ? <div><dt>{t('ana.amendmentReason')}</dt><dd>{v.amendmentReason}</dd></div> : null}
      <div><dt>{t('ana.primary')}</dt><dd>{p.primary ? `${scaleName(p.primary.scale)} · ${visit(p.primary.visit)}` : '—'}</dd></div>
      <div><dt>{t('ana.alpha')}</dt><dd>{String(p.alpha ?? 0.05)}</dd></div>
      {p.secondary?.length ? <div><dt>{t('ana.secondary')}</dt><dd>{p.secondary.map((s) => `${scaleName(s.scale)} · ${visit(s.visit)}`).join(', ')}</dd></div> : null}
      {p.biomarkers?.length ? <div><dt>{t('ana.biomarkers')}</dt><dd>{p.biomarkers.map((b) => `${b.id}: ${isAnalyteId(b.analyte) ? ANALYTES[b.analyte].label[lang] : b.analyte} (${t(`ana.sampleTypes.${b.sampleType}`)}) ${t(`ana.directions.${b.direction}`)} · ${visit(b.visit)}`).join('; ')}</dd></div> : null}
      {p.sensitivity?.length ? <div><dt>{t('ana.sensitivity')}</dt><dd>{p.sensitivity.map((s) => t(`ana.sensitivities.${s}`, { defaultValue: s })).join(', ')}</dd></div> : null}
      {p.perProtocol ? (
        <div><dt>{t('ana.perProtocol')}</dt><dd>{p.perProtocol.intervalDays
          ? t('ana.ppShown', { doses: p.perProtocol.doses, interval: p.perProtocol.intervalDays, before: p.perProtocol.windowBeforeDays, after: p.perProtocol.windowAfterDays })
          : t('ana.ppShownNoInterval', { doses: p.perProtocol.doses })}</dd></div>
      ) : null}
    </dl>
  );
}

function PlanSection({ programId, data }: { readonly programId: string; readonly data: PlansAnswer }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage() as Lang;
  const qc = useQueryClient();
  const latest = data.versions.at(-1);
  const [amending, setAmending] = useState(false);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [lockError, setLockError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: plansKey(programId) });

  async function save(input: PlanInput, reason: string | undefined): Promise<void> {
    const r = await savePlan(programId, { plan: input, ...(reason !== undefined ? { reason } : {}) });
    setNotice(t('ana.saved', { v: r.version }));
    setAmending(false);
    setEditing(false);
    await refresh();
  }
  async function lock(): Promise<void> {
    setBusy(true);
    setLockError(null);
    try {
      const r = await lockPlan(programId);
      setNotice(t('ana.lockedDone', { v: r.version, sha: r.sha256 }));
      await refresh();
    } catch (e) {
      setLockError(e);
    } finally {
      setBusy(false);
    }
  }

  const draft = latest && !latest.lockedAt;
  return (
    <section className="card page-section" aria-labelledby="ana-plan">
      <h2 id="ana-plan">{t('ana.plan')}</h2>
      <p className="small muted">{t('ana.planLead')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {!latest ? <p>{t('ana.noPlan')}</p> : <PlanFacts v={latest} visits={data.program.visits} />}
      {draft && !editing ? (
        <div className="form__actions">
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void lock()}>{t('ana.lock')}</button>
          <button type="button" className="btn" onClick={() => setEditing(true)}>{t('ana.saveDraft')}…</button>
          <p className="small muted">{t('ana.lockConfirm')}</p>
        </div>
      ) : null}
      <ErrorMessage error={lockError} />
      {latest?.lockedAt && !amending ? (
        <div className="form__actions"><button type="button" className="btn" onClick={() => setAmending(true)}>{t('ana.amend')}</button></div>
      ) : null}
      {!latest || editing || amending ? (
        <PlanForm
          key={`${latest?.version ?? 0}-${amending}`}
          visits={data.program.visits}
          plan={latest?.plan}
          draft={data.draft}
          amending={amending}
          onSave={save}
          onCancel={latest ? () => { setAmending(false); setEditing(false); } : undefined}
        />
      ) : null}
      {data.versions.length > 0 ? (
        <>
          <h3 id="ana-history">{t('ana.history')}</h3>
          <div className="table-scroll ana-scroll" tabIndex={0} role="region" aria-labelledby="ana-history">
            <table className="table table--dense">
              <thead><tr><th scope="col">{t('ana.versionLabel')}</th><th scope="col">{t('ana.createdAt')}</th><th scope="col">{t('ana.lockedAt')}</th><th scope="col">{t('ana.sha256')}</th><th scope="col">{t('ana.beforeFirstEnrolment')}</th><th scope="col">{t('ana.amendmentReason')}</th></tr></thead>
              <tbody>
                {[...data.versions].reverse().map((v) => (
                  <tr key={v.version}>
                    <th scope="row">{v.version}</th>
                    <td className="nowrap">{when(v.createdAt, lang)}</td>
                    <td className="nowrap">{v.lockedAt ? when(v.lockedAt, lang) : t('ana.draft')}</td>
                    <td className="mono ana-hash">{v.sha256 ?? '—'}</td>
                    <td>{v.lockedBeforeFirstEnrolment === null ? '—' : v.lockedBeforeFirstEnrolment ? t('ana.yes') : t('ana.no')}</td>
                    <td>{v.amendmentReason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function CutsAndReport({ programId, versions }: { readonly programId: string; readonly versions: readonly PlanVersion[] }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage() as Lang;
  const qc = useQueryClient();
  const cuts = useCuts(programId);
  const [planVersion, setPlanVersion] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const locked = versions.filter((v) => v.lockedAt);
  const options = [{ value: '', label: locked.length ? t('ana.latestLocked') : versions.length ? t('ana.version', { v: versions.at(-1)!.version }) : t('ana.draftPlan') }, ...versions.map((v) => ({ value: String(v.version), label: `${t('ana.version', { v: v.version })}${v.lockedAt ? '' : ` (${t('ana.draftPlan')})`}` }))];

  async function cut(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const c = await createCut(programId, planVersion ? Number(planVersion) : null);
      setNotice(t('ana.cutCreated', { sha: c.sha256 }));
      setShown(c.id);
      await qc.invalidateQueries({ queryKey: cutsKey(programId) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const items = cuts.data?.items ?? [];
  const current = items.find((c) => c.id === shown);
  return (
    <>
      <section className="card page-section" aria-labelledby="ana-cuts">
        <h2 id="ana-cuts">{t('ana.cuts')}</h2>
        <p className="small muted">{t('ana.cutsLead')}</p>
        <div className="inline-form ana-cut-form">
          <SelectField label={t('ana.planForCut')} value={planVersion} options={options} onChange={(e) => setPlanVersion(e.target.value)} />
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void cut()}>{busy ? t('ana.working') : t('ana.createCut')}</button>
        </div>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <ErrorMessage error={error} />
        <ErrorMessage error={cuts.error} />
        {cuts.isLoading ? <Loading /> : items.length === 0 ? <p className="empty">{t('ana.noCuts')}</p> : (
          <div className="table-scroll ana-scroll" tabIndex={0} role="region" aria-labelledby="ana-cuts">
            <table className="table table--dense ana-cuts">
              <thead><tr><th scope="col">{t('ana.cutAt')}</th><th scope="col">{t('ana.sha256')}</th><th scope="col">{t('ana.planUsed')}</th><th scope="col">{t('ana.participants')}</th><th scope="col">{t('ana.excluded')}</th><th scope="col"><span className="visually-hidden">{t('ana.open')}</span></th></tr></thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} aria-current={c.id === shown ? 'true' : undefined}>
                    <td className="nowrap">{when(c.cutAt, lang)}</td>
                    <td className="mono ana-hash">{c.sha256}</td>
                    <td className="nowrap">{c.plan.version ? t('ana.version', { v: c.plan.version }) : t('ana.draftPlan')}{c.plan.lockedAt ? '' : ` (${t('ana.draftPlan')})`}</td>
                    <td>{c.participants}</td>
                    <td>{c.excludedNoDataUse}</td>
                    <td>{c.id === shown ? <span className="muted">{t('ana.opened')}</span> : <button type="button" className="btn btn--small" onClick={() => setShown(c.id)}>{t('ana.open')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ReportView key={current?.id ?? 'none'} programId={programId} cut={current} versions={versions} />
    </>
  );
}

function ReportView({ programId, cut, versions }: { readonly programId: string; readonly cut: DataCut | undefined; readonly versions: readonly PlanVersion[] }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage() as Lang;
  const [reportLang, setReportLang] = useState<Lang>(lang);
  // Another locked version of the plan to report the cut under (chosen, then applied by the button).
  const [chosenPlan, setChosenPlan] = useState('');
  const [underPlan, setUnderPlan] = useState<number | null>(null);
  const others = versions.filter((v) => v.lockedAt && v.version !== cut?.plan.version);
  const applied = versions.find((v) => v.version === underPlan);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function download(kind: string, path: string, name: string): Promise<void> {
    setBusy(kind);
    setError(null);
    try {
      await apiDownload(path, name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <section className="card page-section" aria-labelledby="ana-report">
      <h2 id="ana-report">{t('ana.report')}</h2>
      {!cut ? <p className="muted">{t('ana.chooseCut')}</p> : (
        <>
          <p className="small muted">{t('ana.reportLead')}</p>
          {others.length ? (
            <div className="inline-form ana-replan">
              <SelectField
                label={t('ana.reportUnder')}
                value={chosenPlan}
                options={[{ value: '', label: t('ana.cutOwnPlan', { v: cut.plan.version ?? '—' }) }, ...others.map((v) => ({ value: String(v.version), label: t('ana.lockedVersion', { v: v.version, at: when(v.lockedAt, lang) }) }))]}
                onChange={(e) => setChosenPlan(e.target.value)}
              />
              <button type="button" className="btn" disabled={(chosenPlan ? Number(chosenPlan) : null) === underPlan} onClick={() => setUnderPlan(chosenPlan ? Number(chosenPlan) : null)}>{t('ana.reReport')}</button>
            </div>
          ) : null}
          {applied ? (
            <Alert tone={applied.lockedAt && applied.lockedAt > cut.cutAt ? 'warning' : 'info'}>
              {t(applied.lockedAt && applied.lockedAt > cut.cutAt ? 'ana.reReportedPostHoc' : 'ana.reReported', { v: applied.version, at: when(applied.lockedAt, lang), cutV: cut.plan.version ?? '—' })}
            </Alert>
          ) : null}
          <div className="inline-form ana-report-tools">
            <SelectField label={t('ana.reportLang')} value={reportLang} options={(['ja', 'en'] as const).map((l) => ({ value: l, label: t(`ana.langs.${l}`) }))} onChange={(e) => setReportLang(e.target.value as Lang)} />
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void download('pdf', reportUrl(programId, cut.id, 'pdf', reportLang, underPlan), `outcome-report${underPlan ? `-plan${underPlan}` : ''}-${reportLang}.pdf`)}>{busy === 'pdf' ? t('ana.working') : t('ana.downloadPdf')}</button>
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void download('json', reportUrl(programId, cut.id, 'json', reportLang, underPlan), `outcome-report${underPlan ? `-plan${underPlan}` : ''}.json`)}>{busy === 'json' ? t('ana.working') : t('ana.downloadJson')}</button>
            <button type="button" className="btn btn--primary" disabled={busy !== null} onClick={() => void download('zip', bundleUrl(programId, cut.id), 'outcome-bundle.zip')}>{busy === 'zip' ? t('ana.working') : t('ana.downloadBundle')}</button>
          </div>
          <p className="small muted">{t('ana.bundleHint')}</p>
          <ErrorMessage error={error} />
          <iframe key={`${cut.id}-${reportLang}-${underPlan ?? ''}`} className="ana-frame" title={t('ana.reportFrame')} src={reportUrl(programId, cut.id, 'html', reportLang, underPlan)} sandbox="" />
        </>
      )}
    </section>
  );
}
