import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ANALYTE_IDS, ANALYTES, type AnalyteId } from '@mimamori/core/labs/analytes';
import { sensitivityAnalyses } from '@mimamori/core/outcome/analysis-plan';
import { ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { planFieldErrors, type PlanInput, type PlanVersion, type ProgramVisit } from './outcome-api.ts';

const SAMPLE = ['serum', 'plasma', 'saliva'] as const;
const DIRECTION = ['increase', 'decrease', 'either'] as const;

/** How a scale id reads on screen (`phq9` → `PHQ-9`). */
export function scaleName(id: string): string {
  const m = /^([a-z]+)(\d+)$/.exec(id);
  return m ? `${m[1]!.toUpperCase()}-${m[2]}` : id.toUpperCase();
}

interface FormState {
  scale: string; visit: string; visits: string[]; alpha: string;
  secondary: { scale: string; visit: string }[];
  minReduction: string; minBaseline: string; atMost: string; sustained: boolean; sd: string; reliability: string;
  sensitivity: string[];
  pp: { doses: string; intervalDays: string; windowBeforeDays: string; windowAfterDays: string };
  biomarkers: { id: string; analyte: string; sampleType: string; direction: string; visit: string }[];
  raterBlinded: boolean; selfPay: boolean; reason: string;
}

const str = (n: unknown) => (typeof n === 'number' ? String(n) : '');
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.replace(',', '.')));

function initial(plan: PlanVersion['plan'] | undefined, draft: PlanVersion['plan'] | undefined, post: readonly ProgramVisit[], baseline: ProgramVisit | undefined): FormState {
  const scale = plan?.primary?.scale ?? baseline?.scales[0] ?? 'phq9';
  const withScale = post.filter((v) => v.scales.includes(scale));
  const visit = plan?.primary?.visit ?? (withScale.find((v) => (v.dayOffset ?? 0) >= 56) ?? withScale.at(-1))?.id ?? '';
  const defaultVisits = post.filter((v) => (v.dayOffset ?? 0) <= (post.find((x) => x.id === visit)?.dayOffset ?? 0)).map((v) => v.id);
  const minReduction = plan?.responder?.minReduction;
  // A stored plan keeps its own definition (none is none); a new plan starts from the program's course.
  const pp = plan ? plan.perProtocol : draft?.perProtocol;
  return {
    scale, visit, visits: plan?.visits ? [...plan.visits] : defaultVisits, alpha: str(plan?.alpha ?? 0.05),
    secondary: (plan?.secondary ?? []).map((s) => ({ ...s })),
    minReduction: typeof minReduction === 'number' ? String(Math.round(minReduction * 1000) / 10) : '50', minBaseline: str(plan?.responder?.minBaseline),
    atMost: str(plan?.remission?.atMost), sustained: plan?.remission?.sustained === true, sd: str(plan?.reliableChange?.sd), reliability: str(plan?.reliableChange?.reliability),
    sensitivity: plan?.sensitivity ? [...plan.sensitivity] : ['completers', 'paired', 'locf'],
    pp: { doses: str(pp?.doses), intervalDays: str(pp?.intervalDays), windowBeforeDays: str(pp?.windowBeforeDays), windowAfterDays: str(pp?.windowAfterDays) },
    biomarkers: (plan?.biomarkers ?? []).map((b) => ({ ...b })),
    raterBlinded: plan?.design?.raterBlinded === true, selfPay: plan?.design?.selfPay !== false, reason: '',
  };
}

/** The per-protocol fields as the plan has them: all empty → no definition; a field left empty → the server names it. */
function perProtocolInput(pp: FormState['pp']): PlanInput['perProtocol'] {
  if (Object.values(pp).every((v) => v.trim() === '')) return null;
  // An unreadable number goes as NaN (sent as null), so the server names that field.
  const whole = (s: string) => num(s) ?? Number.NaN;
  return { doses: whole(pp.doses), intervalDays: num(pp.intervalDays), windowBeforeDays: num(pp.windowBeforeDays) ?? 0, windowAfterDays: num(pp.windowAfterDays) ?? 0 };
}

function toInput(f: FormState, post: readonly ProgramVisit[]): PlanInput {
  const pct = num(f.minReduction);
  return {
    primary: { scale: f.scale, visit: f.visit },
    visits: post.map((v) => v.id).filter((id) => f.visits.includes(id)),
    alpha: num(f.alpha) ?? Number.NaN,
    secondary: f.secondary,
    responder: { minReduction: pct === null ? null : pct / 100, minBaseline: num(f.minBaseline) },
    remission: { atMost: num(f.atMost), sustained: f.sustained },
    reliableChange: { sd: num(f.sd), reliability: num(f.reliability) },
    sensitivity: sensitivityAnalyses.filter((s) => f.sensitivity.includes(s)),
    perProtocol: perProtocolInput(f.pp),
    biomarkers: f.biomarkers,
    design: { raterBlinded: f.raterBlinded, selfPay: f.selfPay },
  };
}

/**
 * The analysis plan as structured fields. `amending`: the latest version is locked, so saving
 * makes a new version and asks for the reason. The server checks everything again and names each
 * field it refuses.
 */
export function PlanForm(props: {
  readonly visits: readonly ProgramVisit[];
  readonly plan: PlanVersion['plan'] | undefined;
  /** The server's draft, for the fields a new plan starts from. */
  readonly draft?: PlanVersion['plan'];
  readonly amending: boolean;
  readonly onSave: (input: PlanInput, reason: string | undefined) => Promise<void>;
  readonly onCancel?: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const post = props.visits.filter((v) => v.postBaseline);
  const baseline = props.visits.find((v) => v.baseline === 'pre_treatment');
  const [f, setF] = useState<FormState>(() => initial(props.plan, props.draft, post, baseline));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errs = planFieldErrors(error);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const scales = [...new Set([...(baseline?.scales ?? []), ...post.flatMap((v) => v.scales)])];
  const scaleOptions = scales.map((s) => ({ value: s, label: scaleName(s) }));
  const visitOptions = post.map((v) => ({ value: v.id, label: v.label[lang] || v.id }));
  const analytes = [...new Set(props.visits.flatMap((v) => v.biomarkers))].filter((a): a is AnalyteId => (ANALYTE_IDS as readonly string[]).includes(a));
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSave(toInput(f, post), props.amending && f.reason.trim() ? f.reason : undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form--wide ana-plan" onSubmit={(e) => void submit(e)} noValidate aria-label={t('ana.plan')}>
      <fieldset>
        <legend>{t('ana.primary')}</legend>
        <div className="grid-2">
          <SelectField label={t('ana.scale')} value={f.scale} options={scaleOptions} error={errs['primary.scale']} onChange={(e) => set('scale', e.target.value)} required />
          <SelectField label={t('ana.visit')} value={f.visit} options={visitOptions} error={errs['primary.visit']} onChange={(e) => set('visit', e.target.value)} required />
        </div>
        <p className="ana-estimand"><strong>{t('ana.estimand')}</strong>: {t('ana.estimandText')}</p>
        <fieldset className="ana-checks">
          <legend>{t('ana.visits')}</legend>
          {post.map((v) => (
            <label key={v.id} className="check">
              <input type="checkbox" checked={f.visits.includes(v.id)} onChange={(e) => set('visits', toggle(f.visits, v.id, e.target.checked))} />
              {v.label[lang] || v.id}
            </label>
          ))}
          {errs.visits ? <p className="field__error">{errs.visits}</p> : null}
        </fieldset>
        <TextField label={t('ana.alpha')} inputMode="decimal" value={f.alpha} error={errs.alpha} onChange={(e) => set('alpha', e.target.value)} required className="ana-narrow" />
      </fieldset>

      <fieldset>
        <legend>{t('ana.secondary')}</legend>
        {f.secondary.map((s, i) => (
          <div key={i} className="ana-row">
            <SelectField label={t('ana.scale')} value={s.scale} options={scaleOptions} error={errs[`secondary.${i}.scale`]} onChange={(e) => set('secondary', f.secondary.map((x, j) => (j === i ? { ...x, scale: e.target.value } : x)))} />
            <SelectField label={t('ana.visit')} value={s.visit} options={visitOptions} error={errs[`secondary.${i}.visit`]} onChange={(e) => set('secondary', f.secondary.map((x, j) => (j === i ? { ...x, visit: e.target.value } : x)))} />
            <button type="button" className="btn btn--quiet btn--small" onClick={() => set('secondary', f.secondary.filter((_, j) => j !== i))}>{t('ana.remove')}</button>
          </div>
        ))}
        <button type="button" className="btn btn--small" onClick={() => set('secondary', [...f.secondary, { scale: scales.find((s) => s !== f.scale) ?? f.scale, visit: f.visit }])}>{t('ana.addSecondary')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('ana.responder')}</legend>
        <p className="field__hint">{t('ana.defaultsHint')}</p>
        <div className="grid-2">
          <TextField label={t('ana.minReduction')} inputMode="decimal" value={f.minReduction} error={errs['responder.minReduction']} onChange={(e) => set('minReduction', e.target.value)} />
          <TextField label={t('ana.minBaseline')} inputMode="decimal" value={f.minBaseline} error={errs['responder.minBaseline']} onChange={(e) => set('minBaseline', e.target.value)} />
          <TextField label={t('ana.remissionAtMost')} inputMode="decimal" value={f.atMost} error={errs['remission.atMost']} onChange={(e) => set('atMost', e.target.value)} />
          <TextField label={t('ana.rcSd')} inputMode="decimal" value={f.sd} error={errs['reliableChange.sd']} onChange={(e) => set('sd', e.target.value)} />
          <TextField label={t('ana.rcReliability')} inputMode="decimal" value={f.reliability} error={errs['reliableChange.reliability']} onChange={(e) => set('reliability', e.target.value)} />
        </div>
        <label className="check"><input type="checkbox" checked={f.sustained} onChange={(e) => set('sustained', e.target.checked)} />{t('ana.sustained')}</label>
      </fieldset>

      <fieldset>
        <legend>{t('ana.biomarkers')}</legend>
        {f.biomarkers.map((b, i) => {
          const put = (k: keyof typeof b, v: string) => set('biomarkers', f.biomarkers.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
          return (
            <div key={i} className="ana-row ana-row--bio">
              <TextField label={t('ana.hypothesisId')} value={b.id} error={errs[`biomarkers.${i}.id`]} onChange={(e) => put('id', e.target.value)} />
              <SelectField label={t('ana.analyte')} value={b.analyte} error={errs[`biomarkers.${i}.analyte`]} options={analytes.map((a) => ({ value: a, label: ANALYTES[a].label[lang] }))} onChange={(e) => put('analyte', e.target.value)} />
              <SelectField label={t('ana.sampleType')} value={b.sampleType} error={errs[`biomarkers.${i}.sampleType`]} options={SAMPLE.map((s) => ({ value: s, label: t(`ana.sampleTypes.${s}`) }))} onChange={(e) => put('sampleType', e.target.value)} />
              <SelectField label={t('ana.direction')} value={b.direction} error={errs[`biomarkers.${i}.direction`]} options={DIRECTION.map((d) => ({ value: d, label: t(`ana.directions.${d}`) }))} onChange={(e) => put('direction', e.target.value)} />
              <SelectField label={t('ana.visit')} value={b.visit} error={errs[`biomarkers.${i}.visit`]} options={visitOptions} onChange={(e) => put('visit', e.target.value)} />
              <button type="button" className="btn btn--quiet btn--small" onClick={() => set('biomarkers', f.biomarkers.filter((_, j) => j !== i))}>{t('ana.remove')}</button>
            </div>
          );
        })}
        {analytes.length > 0 ? (
          <button type="button" className="btn btn--small" onClick={() => set('biomarkers', [...f.biomarkers, { id: `h${f.biomarkers.length + 1}`, analyte: analytes[0]!, sampleType: 'serum', direction: 'either', visit: post.find((v) => v.biomarkers.length > 0)?.id ?? f.visit }])}>{t('ana.addBiomarker')}</button>
        ) : null}
      </fieldset>

      <fieldset className="ana-checks">
        <legend>{t('ana.sensitivity')}</legend>
        {sensitivityAnalyses.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={f.sensitivity.includes(s)} onChange={(e) => set('sensitivity', toggle(f.sensitivity, s, e.target.checked))} />
            {t(`ana.sensitivities.${s}`)}
          </label>
        ))}
        {errs.sensitivity ? <p className="field__error">{errs.sensitivity}</p> : null}
      </fieldset>

      <fieldset>
        <legend>{t('ana.perProtocol')}</legend>
        <p className="field__hint">{t('ana.perProtocolHint')}</p>
        <div className="grid-2">
          {(['doses', 'intervalDays', 'windowBeforeDays', 'windowAfterDays'] as const).map((k) => (
            <TextField key={k} label={t(`ana.pp.${k}`)} inputMode="numeric" value={f.pp[k]} error={errs[`perProtocol.${k}`] ?? (k === 'doses' ? errs.perProtocol : undefined)} onChange={(e) => set('pp', { ...f.pp, [k]: e.target.value })} />
          ))}
        </div>
      </fieldset>

      <fieldset className="ana-checks">
        <legend>{t('ana.design')}</legend>
        <label className="check"><input type="checkbox" checked={f.raterBlinded} onChange={(e) => set('raterBlinded', e.target.checked)} />{t('ana.raterBlinded')}</label>
        <label className="check"><input type="checkbox" checked={f.selfPay} onChange={(e) => set('selfPay', e.target.checked)} />{t('ana.selfPay')}</label>
      </fieldset>

      {props.amending ? (
        <TextAreaField label={t('ana.amendmentReason')} value={f.reason} error={errs.reason} onChange={(e) => set('reason', e.target.value)} required rows={3} />
      ) : null}
      <ErrorMessage error={error} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? t('ana.working') : props.amending ? t('ana.saveAmendment') : t('ana.saveDraft')}</button>
        {props.onCancel ? <button type="button" className="btn" onClick={props.onCancel}>{t('ana.cancel')}</button> : null}
      </div>
    </form>
  );
}
