import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingGovernance, ProgramGovernance, RegulatoryPathway, VersionedHash } from '@mimamori/core/programs/regulatory-pathway';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { useSession } from '../../session/session.tsx';
import type { Program } from './programs-api.ts';

/** What `GET /api/programs/:id/governance` answers. */
export interface GovernanceView {
  readonly programId: string;
  readonly version: number;
  readonly pathway: RegulatoryPathway | null;
  readonly governance: ProgramGovernance;
  readonly lockedPlan: VersionedHash | null;
  readonly missing: readonly MissingGovernance[];
}

const PATHWAYS: readonly RegulatoryPathway[] = ['specified_clinical_research', 'guideline_research', 'self_pay_with_data_consent'];

type Form = {
  pathway: string; boardName: string; boardType: string; approvalNumber: string; approvalDate: string; registryId: string;
  protocolVersion: string; protocolHash: string; sapVersion: string; sapHash: string; approved: string[];
};

function formOf(v: GovernanceView): Form {
  const g = v.governance;
  return {
    pathway: v.pathway ?? '', boardName: g.reviewBoard?.name ?? '', boardType: g.reviewBoard?.type ?? 'ethics_committee',
    approvalNumber: g.approval?.number ?? '', approvalDate: g.approval?.date ?? '', registryId: g.registryId ?? '',
    protocolVersion: g.protocol?.version ?? '', protocolHash: g.protocol?.sha256 ?? '', sapVersion: g.sap?.version ?? '', sapHash: g.sap?.sha256 ?? '',
    approved: [...(g.approvedConsentDocuments ?? [])],
  };
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const pair = <K extends string>(a: [K, string], b: [K, string]) => (opt(a[1]) || opt(b[1]) ? { [a[0]]: a[1].trim(), [b[0]]: b[1].trim() } : undefined);

/**
 * The program's research governance: its regulatory pathway, the review board, approval, registry,
 * protocol and SAP with their hashes, and which consent document versions were approved — with the
 * list of what is still missing before anyone may consent. Saving makes a new program version.
 */
export function GovernanceSection({ program }: { readonly program: Program }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const key = ['programs', program.id, 'governance'];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api<GovernanceView>(`/api/programs/${encodeURIComponent(program.id)}/governance`, { signal }) });
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (q.data && form === null) setForm(formOf(q.data));
  }, [q.data, form]);
  const v = q.data;
  const editable = can('programs:admin');
  const docKeys = [...new Set(program.consentDocuments.map((d) => `${d.id}@${d.version}`))];
  const errs = fieldErrors(error);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [k]: e.target.value } : f));

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!form) return;
    setError(null);
    setSaved(false);
    try {
      const governance = {
        reviewBoard: opt(form.boardName) ? { name: form.boardName.trim(), type: form.boardType } : undefined,
        approval: pair(['number', form.approvalNumber], ['date', form.approvalDate]),
        registryId: opt(form.registryId),
        protocol: pair(['version', form.protocolVersion], ['sha256', form.protocolHash.toLowerCase()]),
        sap: pair(['version', form.sapVersion], ['sha256', form.sapHash.toLowerCase()]),
        approvedConsentDocuments: form.approved,
      };
      const r = await api<GovernanceView>(`/api/programs/${encodeURIComponent(program.id)}/governance`, { method: 'PUT', body: { pathway: opt(form.pathway), governance } });
      qc.setQueryData(key, r);
      await qc.invalidateQueries({ queryKey: ['programs'] });
      setForm(formOf(r));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card card--wide" aria-labelledby="prg-gov">
      <h2 id="prg-gov">{t('prg.gov.title')}</h2>
      <ErrorMessage error={q.error} />
      {v ? (
        v.missing.length === 0 ? (
          <Alert tone="success">{t('prg.gov.complete', { pathway: t(`prg.gov.pathways.${v.pathway}`) })}</Alert>
        ) : (
          <Alert tone="warning" title={t('prg.gov.missingTitle', { count: v.missing.length })}>
            <ul className="prg-gov-missing">
              {v.missing.map((m, i) => <li key={`${m.item}-${i}`}>{t(`prg.gov.missing.${m.item}`, { document: m.document ?? '' })}</li>)}
            </ul>
          </Alert>
        )
      ) : null}
      <p className="muted">{t('prg.gov.boardDecides')}</p>
      {form && v ? (
        <form className="form" onSubmit={(e) => void save(e)}>
          <fieldset className="prg-gov-grid" disabled={!editable}>
            <legend className="visually-hidden">{t('prg.gov.title')}</legend>
            <SelectField label={t('prg.gov.pathway')} value={form.pathway} onChange={set('pathway')} error={errs.pathway}
              options={[{ value: '', label: t('prg.gov.choose') }, ...PATHWAYS.map((p) => ({ value: p, label: t(`prg.gov.pathways.${p}`) }))]} />
            <TextField label={t('prg.gov.boardName')} value={form.boardName} onChange={set('boardName')} error={errs['governance.reviewBoard.name']} />
            <SelectField label={t('prg.gov.boardType')} value={form.boardType} onChange={set('boardType')} error={errs['governance.reviewBoard.type']}
              options={(['certified_review_board', 'ethics_committee'] as const).map((b) => ({ value: b, label: t(`prg.gov.boardTypes.${b}`) }))} />
            <TextField label={t('prg.gov.approvalNumber')} value={form.approvalNumber} onChange={set('approvalNumber')} error={errs['governance.approval.number']} />
            <TextField label={t('prg.gov.approvalDate')} type="date" value={form.approvalDate} onChange={set('approvalDate')} error={errs['governance.approval.date']} />
            <TextField label={t('prg.gov.registryId')} hint={t('prg.gov.registryHint')} value={form.registryId} onChange={set('registryId')} error={errs['governance.registryId']} autoComplete="off" spellCheck={false} />
            <TextField label={t('prg.gov.protocolVersion')} value={form.protocolVersion} onChange={set('protocolVersion')} error={errs['governance.protocol.version']} />
            <TextField label={t('prg.gov.protocolHash')} hint={t('prg.gov.hashHint')} value={form.protocolHash} onChange={set('protocolHash')} error={errs['governance.protocol.sha256']} autoComplete="off" spellCheck={false} className="prg-gov-hash" />
            {v.lockedPlan ? (
              <p className="prg-gov-wide">{t('prg.gov.lockedPlan', { version: v.lockedPlan.version, hash: v.lockedPlan.sha256.slice(0, 12) })}</p>
            ) : (
              <>
                <TextField label={t('prg.gov.sapVersion')} value={form.sapVersion} onChange={set('sapVersion')} error={errs['governance.sap.version']} />
                <TextField label={t('prg.gov.sapHash')} hint={t('prg.gov.hashHint')} value={form.sapHash} onChange={set('sapHash')} error={errs['governance.sap.sha256']} autoComplete="off" spellCheck={false} className="prg-gov-hash" />
              </>
            )}
            <fieldset className="prg-gov-wide">
              <legend>{t('prg.gov.approvedDocs')}</legend>
              {docKeys.map((k) => {
                const doc = program.consentDocuments.find((d) => `${d.id}@${d.version}` === k)!;
                return (
                  <label key={k} className="check">
                    <input type="checkbox" checked={form.approved.includes(k)} onChange={(e) => setForm({ ...form, approved: e.target.checked ? [...form.approved, k] : form.approved.filter((x) => x !== k) })} />
                    {' '}{t(`prg.roles.${doc.role}`)} — {k}{doc.sample ? <> <span className="tag tag--bad">{t('prg.gov.sample')}</span></> : null}
                  </label>
                );
              })}
            </fieldset>
          </fieldset>
          <ErrorMessage error={error} />
          {saved ? <p role="status">{t('prg.gov.saved', { version: v.version })}</p> : null}
          {editable ? <div className="form__actions"><button className="btn" type="submit">{t('prg.gov.save')}</button></div> : null}
        </form>
      ) : null}
    </section>
  );
}
