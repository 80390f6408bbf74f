import { useEffect, useId, useState, type ReactNode } from 'react';
import './intake.css';
import { useTranslation } from 'react-i18next';
import type { IntakeCondition, IntakeDefinition, IntakeQuestion, IntakeQuestionType } from '@mimamori/core/intake/intake-definition';
import { intakeCatalogueMessage } from '@mimamori/core/intake/intake-messages';
import { checkNewIntakeVersion } from '@mimamori/core/intake/validate-intake-definition';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ChildScreenNotice } from './child-screen-notice.tsx';
import { useChildScreen, useIntakeDefinition, usePublishIntakeDefinition } from './intake-api.ts';

type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? Array<Mutable<U>> : T[K] extends object ? Mutable<T[K]> : T[K];
};
type Def = Mutable<IntakeDefinition>;
type Question = Mutable<IntakeQuestion>;

const NEW_TYPES: ReadonlyArray<IntakeQuestionType> = [
  'text',
  'longText',
  'kana',
  'phone',
  'postalCode',
  'date',
  'number',
  'yesNo',
  'singleChoice',
  'multipleChoice',
  'repeat',
];

function skeleton(type: IntakeQuestionType, id: string, label: { ja: string; en: string }): IntakeQuestion {
  const option = [
    { value: 'a', label: { ja: '選択肢1', en: 'Option 1' } },
    { value: 'b', label: { ja: '選択肢2', en: 'Option 2' } },
  ];
  switch (type) {
    case 'longText':
      return { id, type, label, maxLength: 1000 };
    case 'singleChoice':
    case 'multipleChoice':
      return { id, type, label, options: option };
    case 'repeat':
      return { id, type, label, maxRows: 10, fields: [{ id: 'name', type: 'text', label: { ja: '名前', en: 'Name' }, required: true }] };
    case 'scale':
      return { id, type, label, scaleId: 'phq9' };
    case 'consent':
      return { id, type, label, policyVersion: '1', statement: label };
    default:
      return { id, type, label } as IntakeQuestion;
  }
}

/** A JSON box for a show-if rule: committed when it parses; empty removes the rule. */
function ConditionField({
  value,
  onCommit,
  label,
}: {
  readonly value: IntakeCondition | undefined;
  readonly onCommit: (c: IntakeCondition | undefined) => void;
  readonly label: string;
}): ReactNode {
  const id = useId();
  const [text, setText] = useState(value ? JSON.stringify(value) : '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value ? JSON.stringify(value) : ''), [value]);
  return (
    <div className={`field intake-editor__cond${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="mono"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (!text.trim()) {
            setError(null);
            onCommit(undefined);
            return;
          }
          try {
            onCommit(JSON.parse(text) as IntakeCondition);
            setError(null);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      />
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}

function QuestionEditor(props: {
  readonly q: Question;
  readonly onChange: (q: Question) => void;
  readonly onMove: (d: -1 | 1) => void;
  readonly onRemove: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { q, onChange } = props;
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch } as Question);
  return (
    <li className="intake-editor__q">
      <div className="intake-editor__qhead">
        <code>{q.id}</code> <span className="muted small">{t(`intake.types.${q.type}`)}</span>
        <span className="row-actions">
          <button type="button" className="btn btn--small" onClick={() => props.onMove(-1)} aria-label={`${t('intake.up')}: ${q.id}`}>
            ↑
          </button>
          <button type="button" className="btn btn--small" onClick={() => props.onMove(1)} aria-label={`${t('intake.down')}: ${q.id}`}>
            ↓
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={props.onRemove}>
            {t('intake.remove')}
          </button>
        </span>
      </div>
      <div className="intake-editor__grid">
        <div className="field">
          <label htmlFor={`${q.id}-ja`}>{t('intake.label')}</label>
          <input id={`${q.id}-ja`} value={q.label.ja} onChange={(e) => set({ label: { ...q.label, ja: e.target.value } })} />
        </div>
        <div className="field">
          <label htmlFor={`${q.id}-en`}>{t('intake.labelEn')}</label>
          <input id={`${q.id}-en`} value={q.label.en} onChange={(e) => set({ label: { ...q.label, en: e.target.value } })} />
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={q.required === true} onChange={(e) => set({ required: e.target.checked || undefined })} />{' '}
        {t('intake.required')}
      </label>
      <ConditionField label={t('intake.showIf')} value={q.showIf} onCommit={(c) => set({ showIf: c })} />
      {q.type === 'repeat' ? (
        <fieldset className="intake-editor__fields">
          <legend>{t('intake.fields')}</legend>
          {q.fields.map((f, i) => (
            <div key={f.id} className="intake-editor__field">
              <code>{f.id}</code> <span className="muted small">{t(`intake.types.${f.type}`)}</span>
              <div className="field">
                <label htmlFor={`${q.id}-${f.id}-ja`}>{t('intake.label')}</label>
                <input
                  id={`${q.id}-${f.id}-ja`}
                  value={f.label.ja}
                  onChange={(e) =>
                    set({
                      fields: q.fields.map((x, j) => (j === i ? { ...x, label: { ...x.label, ja: e.target.value } } : x)),
                    } as Partial<Question>)
                  }
                />
              </div>
              <label className="check">
                <input
                  type="checkbox"
                  checked={f.required === true}
                  onChange={(e) =>
                    set({
                      fields: q.fields.map((x, j) => (j === i ? { ...x, required: e.target.checked || undefined } : x)),
                    } as Partial<Question>)
                  }
                />{' '}
                {t('intake.required')}
              </label>
              <ConditionField
                label={t('intake.showIf')}
                value={f.showIf}
                onCommit={(c) => set({ fields: q.fields.map((x, j) => (j === i ? { ...x, showIf: c } : x)) } as Partial<Question>)}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
    </li>
  );
}

/**
 * The administrator's form editor: sections, screens and questions (labels, required, show-if rules
 * — also on the fields of repeated groups), a JSON view for everything else, the core's validator,
 * and publishing as a new version. Past answers keep their version.
 */
export function IntakeEditorPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const q = useIntakeDefinition();
  const publish = usePublishIntakeDefinition();
  const childScreen = useChildScreen(true);
  const [confirmation, setConfirmation] = useState('');
  const [def, setDef] = useState<Def | null>(null);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ReadonlyArray<{ path: string; message: string }> | null>(null);
  const [newType, setNewType] = useState<IntakeQuestionType>('text');

  useEffect(() => {
    if (q.data && !def) {
      const d = structuredClone(q.data.definition) as Def;
      d.version = q.data.definition.version + 1;
      setDef(d);
      setJson(JSON.stringify(d, null, 2));
    }
  }, [q.data, def]);

  if (q.isPending || (!def && !q.isError)) return <Loading />;
  if (q.isError || !def || !q.data) return <ErrorMessage error={q.error} />;
  const current = q.data.definition;

  const update = (d: Def) => {
    setDef(d);
    setJson(JSON.stringify(d, null, 2));
    setProblems(null);
  };
  const editGroup = (si: number, gi: number, fn: (qs: Question[]) => Question[]) => {
    const d = structuredClone(def);
    const g = d.sections[si]!.groups[gi]!;
    g.questions = fn(g.questions as Question[]) as typeof g.questions;
    update(d);
  };
  const check = () => {
    const errs = checkNewIntakeVersion(current, def);
    setProblems(errs.map((e) => ({ path: e.path, message: intakeCatalogueMessage(e.key, e.params, lang) })));
    return errs.length === 0;
  };

  return (
    <Page title={t('intake.editorTitle')}>
      <p>{t('intake.editorIntro')}</p>
      <p className="muted">{t('intake.currentVersion', { version: current.version })}</p>
      <ChildScreenNotice editorLink={false} />
      {publish.data ? <Alert tone="success">{t('intake.published', { version: publish.data.version })}</Alert> : null}
      <ErrorMessage error={publish.error} />
      {problems && problems.length === 0 ? <Alert tone="success">{t('intake.valid')}</Alert> : null}
      {problems && problems.length > 0 ? (
        <Alert tone="error" title={t('intake.problems', { count: problems.length })}>
          <ul className="plain-list">
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {childScreen.data?.missing ? (
        <div className="field">
          <label htmlFor="no-screen-confirmation">{t('intake.childScreen.confirmLabel')}</label>
          <textarea
            id="no-screen-confirmation"
            rows={3}
            maxLength={2000}
            value={confirmation}
            aria-describedby="no-screen-confirmation-help"
            onChange={(e) => setConfirmation(e.target.value)}
          />
          <p id="no-screen-confirmation-help" className="muted small">{t('intake.childScreen.confirmHelp')}</p>
        </div>
      ) : null}
      <div className="page-head__actions intake-editor__actions">
        <button type="button" className="btn" onClick={check}>
          {t('intake.validate')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={publish.isPending}
          onClick={() => {
            if (check()) {
              publish.mutate(
                { definition: def as IntakeDefinition, ...(confirmation.trim() ? { noScreenConfirmation: confirmation } : {}) },
                { onSuccess: () => { setDef(null); setConfirmation(''); } },
              );
            }
          }}
        >
          {t('intake.publish', { version: def.version })}
        </button>
      </div>
      <section aria-labelledby="intake-structure">
        <h2 id="intake-structure">{t('intake.structure')}</h2>
        {def.sections.map((sec, si) => (
          <details key={sec.id} className="card intake-editor__section">
            <summary>
              <strong>{sec.title[lang]}</strong> <code className="muted small">{sec.id}</code>
            </summary>
            {sec.groups.map((g, gi) => (
              <div key={g.id} className="intake-editor__group">
                <h3>
                  {g.title[lang]} <code className="muted small">{g.id}</code>
                </h3>
                <ul className="plain-list">
                  {g.questions.map((qq, qi) => (
                    <QuestionEditor
                      key={qq.id}
                      q={qq as Question}
                      onChange={(nq) => editGroup(si, gi, (qs) => qs.map((x, j) => (j === qi ? nq : x)))}
                      onRemove={() => editGroup(si, gi, (qs) => qs.filter((_, j) => j !== qi))}
                      onMove={(dir) =>
                        editGroup(si, gi, (qs) => {
                          const j = qi + dir;
                          if (j < 0 || j >= qs.length) return qs;
                          const copy = [...qs];
                          [copy[qi], copy[j]] = [copy[j]!, copy[qi]!];
                          return copy;
                        })
                      }
                    />
                  ))}
                </ul>
                <div className="inline-form">
                  <label htmlFor={`add-${g.id}`} className="visually-hidden">
                    {t('intake.type')}
                  </label>
                  <select id={`add-${g.id}`} value={newType} onChange={(e) => setNewType(e.target.value as IntakeQuestionType)}>
                    {NEW_TYPES.map((ty) => (
                      <option key={ty} value={ty}>
                        {t(`intake.types.${ty}`)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() =>
                      editGroup(si, gi, (qs) => [
                        ...qs,
                        skeleton(newType, `q_${Date.now().toString(36)}`, {
                          ja: t('intake.newQuestion', { lng: 'ja' }),
                          en: t('intake.newQuestion', { lng: 'en' }),
                        }) as Question,
                      ])
                    }
                  >
                    {t('intake.addQuestion')}
                  </button>
                </div>
              </div>
            ))}
          </details>
        ))}
      </section>
      <section aria-labelledby="intake-json" className="intake-editor__json">
        <h2 id="intake-json">{t('intake.json')}</h2>
        <label htmlFor="intake-json-text" className="visually-hidden">
          {t('intake.json')}
        </label>
        <textarea
          id="intake-json-text"
          className="mono"
          rows={20}
          value={json}
          spellCheck={false}
          onChange={(e) => setJson(e.target.value)}
        />
        {jsonError ? <p className="field__error">{t('intake.jsonInvalid', { message: jsonError })}</p> : null}
        <button
          type="button"
          className="btn"
          onClick={() => {
            try {
              update(JSON.parse(json) as Def);
              setJsonError(null);
            } catch (e) {
              setJsonError((e as Error).message);
            }
          }}
        >
          {t('intake.applyJson')}
        </button>
      </section>
    </Page>
  );
}
