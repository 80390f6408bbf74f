import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ErrorDetails } from './error-details.tsx';
import { LinkBox } from './link-box.tsx';
import { loc, useCatalogue, type IssuedLink } from './scales-api.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

function todayIn(zone = 'Asia/Tokyo'): string {
  return clinicDate(Date.now(), zone);
}

/** A doctor assigns a scale once or on a schedule; the first link is shown at once. */
export function AssignForm({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const cat = useCatalogue();
  const [scaleId, setScaleId] = useState('phq9');
  const [informant, setInformant] = useState('self');
  const [kind, setKind] = useState<'once' | 'recurring'>('once');
  const [startDate, setStartDate] = useState(todayIn());
  const [intervalDays, setIntervalDays] = useState('14');
  const [occurrences, setOccurrences] = useState('6');
  const [windowDays, setWindowDays] = useState('3');
  const [email, setEmail] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api<{ link: (IssuedLink & { mailed: boolean }) | null }>(`/api/patients/${encodeURIComponent(patientId)}/scale-assignments`, {
        method: 'POST',
        body: {
          scaleId, informant, kind, startDate, windowDays: Number(windowDays),
          ...(kind === 'recurring' ? { intervalDays: Number(intervalDays), occurrences: Number(occurrences) } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
        },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scales', 'assignments', patientId] }),
  });
  const errors = fieldErrors(m.error);
  const sendable = (cat.data ?? []).filter((s) => s.textIncluded && s.informants.some((i) => i !== 'clinician'));
  const chosen = sendable.find((s) => s.id === scaleId);
  return (
    <form
      className="form form--wide"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <div className="grid-2">
        <SelectField
          label={t('scl.scale')}
          value={scaleId}
          onChange={(e) => setScaleId(e.target.value)}
          error={errors.scaleId}
          options={sendable.map((s) => ({ value: s.id, label: `${s.shortName} — ${loc(s.name, lang)}` }))}
        />
        <SelectField
          label={t('scl.informant')}
          value={informant}
          onChange={(e) => setInformant(e.target.value)}
          error={errors.informant}
          options={(chosen?.informants ?? ['self']).filter((i) => i !== 'clinician').map((i) => ({ value: i, label: t(`scl.informants.${i}`) }))}
        />
        <SelectField
          label={t('scl.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'once' | 'recurring')}
          options={[{ value: 'once', label: t('scl.once') }, { value: 'recurring', label: t('scl.recurring') }]}
        />
        <TextField label={t('scl.startDate')} type="date" required value={startDate} onChange={(e) => setStartDate(e.target.value)} error={errors.startDate} />
        {kind === 'recurring' ? (
          <>
            <TextField label={t('scl.intervalDays')} type="number" min={1} max={365} required value={intervalDays} onChange={(e) => setIntervalDays(e.target.value)} error={errors.intervalDays} />
            <TextField label={t('scl.occurrences')} type="number" min={1} max={60} required value={occurrences} onChange={(e) => setOccurrences(e.target.value)} error={errors.occurrences} />
          </>
        ) : null}
        <TextField label={t('scl.windowDays')} type="number" min={1} max={60} required value={windowDays} onChange={(e) => setWindowDays(e.target.value)} error={errors.windowDays} />
        <TextField label={t('scl.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      </div>
      {m.isError ? <ErrorDetails error={m.error} /> : null}
      {m.isSuccess ? (
        <Alert tone="success">
          {t('scl.assigned')} {m.data.link ? (m.data.link.mailed ? t('scl.mailed') : t('scl.notMailed')) : ''}
        </Alert>
      ) : null}
      {m.data?.link ? <LinkBox link={m.data.link} /> : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={m.isPending}>
          {t('scl.assign')}
        </button>
      </div>
    </form>
  );
}
