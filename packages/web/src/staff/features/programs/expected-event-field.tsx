import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import type { Program } from './programs-api.ts';

/**
 * The program's expected adverse events as a choice: picking one makes the event expected; "not on
 * the list" makes it unexpected. Expectedness is never chosen freely.
 */
export function ExpectedEventField({ program, value, onChange, error }: { readonly program: Program; readonly value: string; readonly onChange: (v: string) => void; readonly error?: string | undefined }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = program.safety?.expectedAdverseEvents ?? [];
  return (
    <SelectField
      label={t('sae.expectedEvent')}
      hint={`${t('sae.expectedHint')} → ${t(value ? 'sae.expectedness.expected' : 'sae.expectedness.unexpected')}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[{ value: '', label: t('sae.notOnList') }, ...list.map((e) => ({ value: e.id, label: e.term[lang] }))]}
      error={error}
    />
  );
}
