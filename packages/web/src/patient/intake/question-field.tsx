/** @jsxImportSource preact */
import { ConsentField } from './consent-field.tsx';
import type { FieldProps } from './field-bits.tsx';
import { RepeatField } from './repeat-field.tsx';
import { ScaleField } from './scale-field.tsx';
import { SimpleField } from './simple-field.tsx';

/** Renders one question of any type. All answer text is rendered as text (Preact escapes it). */
export function QuestionField(props: FieldProps) {
  const { q } = props;
  if (q.type === 'repeat') return <RepeatField {...props} q={q} />;
  if (q.type === 'scale') return <ScaleField {...props} q={q} />;
  if (q.type === 'consent') return <ConsentField {...props} q={q} />;
  return (
    <SimpleField q={q} path={q.id} value={props.value} onChange={props.onChange} lang={props.lang} t={props.t} errors={props.errors} />
  );
}
