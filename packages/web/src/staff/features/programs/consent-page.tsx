import './programs.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { useEnrolment, type Lang } from './programs-api.ts';
import type { ConsentRole } from '@mimamori/core/programs/program-definition';

const ID_METHODS = ['health_insurance_card', 'my_number_card', 'driving_licence', 'passport', 'residence_card', 'known_to_staff', 'other'];

/** Age in completed years on a date (birthday rule as in the core). */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The signatures an age needs (the core's `consentRolesForAge`, which the server enforces). */
function rolesForAge(age: number): readonly ConsentRole[] {
  if (age >= 18) return ['participant'];
  return age >= 16 ? ['guardian', 'participant'] : ['guardian', 'assent'];
}

/**
 * The consent page for a tablet or phone, with staff beside the patient: the exact document version
 * is shown, staff record how they checked identity, and the patient (or guardian, then the child)
 * signs by drawing or typing. Each signature is its own record.
 */
export function ConsentPage(): ReactNode {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useEnrolment(id);
  const d = q.data;
  const age = d ? ageOn(d.patient.birthDate, d.today) : 18;
  const minor = age < 18;
  const signedRoles = new Set(d?.consents.map((c) => c.record.role) ?? []);
  const needed = rolesForAge(age);
  const nextRole = needed.find((r) => !signedRoles.has(r)) ?? needed[0]!;
  const [role, setRole] = useState<string>('');
  const [language, setLanguage] = useState<Lang>(currentLanguage());
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('mother');
  const [identityMethod, setIdentity] = useState('health_insurance_card');
  const [method, setMethod] = useState<'typed' | 'drawn'>('drawn');
  const [typedName, setTypedName] = useState('');
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const activeRole = role || nextRole;

  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (c) {
      c.lineWidth = 3;
      c.lineCap = 'round';
      c.strokeStyle = '#111';
    }
  }, [method, d]);

  if (!d) return <Page title={t('prg.consentPage')}>{q.isLoading ? <Loading /> : <ErrorMessage error={q.error} />}</Page>;
  const doc = d.program.consentDocuments
    .filter((x) => x.role === activeRole && x.language === language && x.effectiveFrom <= d.today)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  const guardianRole = activeRole === 'guardian';

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * e.currentTarget.width) / r.width, ((e.clientY - r.top) * e.currentTarget.height) / r.height] as const;
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget.getContext('2d');
    if (!c) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const [x, y] = point(e);
    c.beginPath();
    c.moveTo(x, y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const c = e.currentTarget.getContext('2d');
    const [x, y] = point(e);
    c?.lineTo(x, y);
    c?.stroke();
    setDrawn(true);
  };
  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
    setDrawn(false);
  };

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setOk(null);
    try {
      const signature = method === 'typed' ? { method: 'typed', typedName } : { method: 'drawn', pngDataUrl: drawn && canvas.current ? canvas.current.toDataURL('image/png') : '' };
      const r = await api<{ status: string; evaluation: { missingRoles: string[] } | null }>(`/api/program-enrolments/${id}/consents`, {
        method: 'POST',
        body: {
          role: activeRole, language, identityMethod, scopes: activeRole === 'assent' ? [] : scopes,
          signer: guardianRole ? { kind: 'guardian', name, relation } : { kind: 'self', name },
          signature,
          questions: question.trim() ? [{ question, answer }] : [],
        },
      });
      setOk(r.evaluation?.missingRoles.length ? `${t('prg.signed')} ${t('prg.missingRoles', { roles: r.evaluation.missingRoles.map((x) => t(`prg.roles.${x}`)).join('、') })}` : t('prg.signed'));
      setRole('');
      setName('');
      setTypedName('');
      setQuestion('');
      setAnswer('');
      clear();
      await qc.invalidateQueries({ queryKey: ['program-enrolment', id] });
    } catch (err) {
      setError(err);
    }
  }
  const errs = fieldErrors(error);
  return (
    <Page title={`${t('prg.consentPage')} — ${d.patient.nameKanji}`}>
      <p><Link to={`/program-enrolments/${id}`}>{t('prg.back')}</Link></p>
      {minor ? <Alert tone="info">{t(age >= 16 ? 'prg.minorNote16' : 'prg.minorNote')}</Alert> : null}
      <form className="form form--wide prg-consent" onSubmit={(e) => void submit(e)}>
        <SelectField label={t('prg.role')} value={activeRole} onChange={(e) => setRole(e.target.value)} options={needed.map((r) => ({ value: r, label: t(`prg.roles.${r}`) }))} error={errs.role} />
        <SelectField label={t('prg.language')} value={language} onChange={(e) => setLanguage(e.target.value as Lang)} options={[{ value: 'ja', label: '日本語' }, { value: 'en', label: 'English' }]} />
        {doc ? (
          <section className="prg-doc" aria-labelledby="doc-title" lang={language}>
            <h2 id="doc-title">{doc.title}</h2>
            <p className="muted small">{t('prg.documentShown', { title: doc.title, version: doc.version })} · SHA-256 {doc.contentHash.slice(0, 16)}…</p>
            <div className="prg-doc__text" tabIndex={0}>{d.documentTexts[doc.contentHash] ?? ''}</div>
          </section>
        ) : null}
        <SelectField label={t('prg.identity')} value={identityMethod} onChange={(e) => setIdentity(e.target.value)} options={ID_METHODS.map((m) => ({ value: m, label: t(`prg.idMethods.${m}`) }))} error={errs.identityMethod ?? errs['identity.method']} />
        <TextField label={t('prg.signerName')} value={name} onChange={(e) => setName(e.target.value)} error={errs['signer.name']} autoComplete="off" />
        {guardianRole ? <SelectField label={t('prg.relation')} value={relation} onChange={(e) => setRelation(e.target.value)} options={['mother', 'father', 'legal_guardian', 'other'].map((r) => ({ value: r, label: t(`prg.relations.${r}`) }))} error={errs['signer.relation']} /> : null}
        <TextField label={t('prg.question')} value={question} onChange={(e) => setQuestion(e.target.value)} hint={t('prg.questions')} />
        {question ? <TextAreaField label={t('prg.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} /> : null}
        {activeRole !== 'assent' ? (
          <fieldset>
            <legend>{t('prg.scopes')}</legend>
            {[['secondary_research', 'prg.scopeSecondary'], ['publication', 'prg.scopePublication']].map(([k, label]) => (
              <label key={k} className="check"><input type="checkbox" checked={scopes.includes(k!)} onChange={(e) => setScopes((s) => (e.target.checked ? [...s, k!] : s.filter((x) => x !== k)))} /> {t(label!)}</label>
            ))}
          </fieldset>
        ) : null}
        <SelectField label={t('prg.sigMethod')} value={method} onChange={(e) => setMethod(e.target.value as 'typed' | 'drawn')} options={[{ value: 'drawn', label: t('prg.drawn') }, { value: 'typed', label: t('prg.typed') }]} />
        {method === 'typed' ? (
          <TextField label={t('prg.typedName')} value={typedName} onChange={(e) => setTypedName(e.target.value)} error={errs['signature.typedName']} autoComplete="off" />
        ) : (
          <div className="field">
            <p id="sig-label">{t('prg.drawHere')}</p>
            <canvas ref={canvas} className="prg-signature" width={600} height={200} role="img" aria-labelledby="sig-label" onPointerDown={down} onPointerMove={move} onPointerUp={() => (drawing.current = false)} onPointerLeave={() => (drawing.current = false)} />
            {errs['signature.pngDataUrl'] ? <p className="field__error">{errs['signature.pngDataUrl']}</p> : null}
            <button className="btn btn--quiet btn--small" type="button" onClick={clear}>{t('prg.clear')}</button>
          </div>
        )}
        <ErrorMessage error={error} />
        {error instanceof ApiError && error.details.some((x) => x.path.startsWith('governance.')) ? (
          <Alert tone="warning" title={t('prg.gov.missingTitle', { count: error.details.length })}>
            <ul className="prg-gov-missing">{error.details.map((x, i) => <li key={`${x.path}-${i}`}>{x.message}</li>)}</ul>
            <p><Link to={`/programs/${encodeURIComponent(d.program.id)}`}>{t('prg.gov.title')}</Link></p>
          </Alert>
        ) : null}
        {ok ? <Alert tone="success">{ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('prg.sign')}</button></div>
      </form>
    </Page>
  );
}
