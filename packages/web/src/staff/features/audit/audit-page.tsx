import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiDownload, query } from '../../../shared/api/client.ts';
import type { AuditPage as AuditPageData, AuditVerifyResult, PatientSummary, Staff } from '../../../shared/api/types.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { auditActionLabel, auditResourceLabel } from '@mimamori/core/audit/audit-action-labels';

interface Filters {
  readonly patientId: string;
  readonly userId: string;
  readonly from: string;
  readonly to: string;
}

const NO_FILTERS: Filters = { patientId: '', userId: '', from: '', to: '' };
const ID_PATTERN = /^[a-f0-9]{32}$/;

/** Long ids shortened for the eye; the full id is in the tooltip and for screen readers. */
function ShortId({ id }: { readonly id: string }): ReactNode {
  if (id.length <= 12) return <code>{id}</code>;
  return (
    <code title={id} aria-label={id}>
      {id.slice(0, 8)}…
    </code>
  );
}

function VerifyChain(): ReactNode {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api<AuditVerifyResult>('/api/audit/verify') });
  return (
    <div className="verify">
      <button type="button" className="btn" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? t('common.working') : t('audit.verify')}
      </button>
      {verify.data ? (
        verify.data.ok ? (
          <Alert tone="success">{t('audit.verifyOk', { count: verify.data.rows })}</Alert>
        ) : (
          <Alert tone="error" title={t('audit.verifyBadTitle')}>
            {t('audit.verifyBad', { id: String(verify.data.firstBadRowId ?? '?'), count: verify.data.rows })}
          </Alert>
        )
      ) : null}
      <ErrorMessage error={verify.error} />
    </div>
  );
}

export function AuditPage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const lang = currentLanguage();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [patientLabel, setPatientLabel] = useState<string | null>(null);
  const staff = useQuery({
    queryKey: ['staff'],
    queryFn: () => api<{ items: Staff[] }>('/api/staff'),
    select: (r) => r.items,
    enabled: can('staff:admin'),
  });
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: '' as string | number,
    queryFn: ({ pageParam, signal }) => api<AuditPageData>(`/api/audit${query({ ...filters, limit: 100, before: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const csvHref = `/api/audit/export.csv${query({ ...filters })}`;
  // Through the API client, so an export long after sign-in asks for password and code first.
  const exportCsv = useMutation({ mutationFn: () => apiDownload(csvHref, 'audit.csv') });

  const [patientError, setPatientError] = useState<string | undefined>(undefined);
  const onApply = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setPatientError(undefined);
    // Staff know patients by number or name, not by internal id: resolve to one patient first.
    if (draft.patientId && !ID_PATTERN.test(draft.patientId)) {
      try {
        const r = await api<{ items: PatientSummary[] }>(`/api/patients${query({ q: draft.patientId, limit: 2 })}`);
        if (r.items.length !== 1 || !r.items[0]) {
          setPatientError(r.items.length === 0 ? t('audit.patientNone') : t('audit.patientMany'));
          return;
        }
        const p = r.items[0];
        setPatientLabel(`${p.patientNumber} ${p.nameKanji}`);
        setFilters({ ...draft, patientId: p.id });
        return;
      } catch (err) {
        setPatientError(err instanceof Error ? err.message : String(err));
        return;
      }
    }
    setPatientLabel(null);
    setFilters(draft);
  };

  return (
    <Page title={t('audit.title')} actions={<VerifyChain />}>
      <form className="filters card" onSubmit={(e) => void onApply(e)} aria-label={t('audit.filters')}>
        <TextField
          label={t('audit.patientId')}
          hint={patientLabel ?? t('audit.patientHint')}
          autoComplete="off"
          spellCheck={false}
          value={draft.patientId}
          error={patientError}
          onChange={(e) => setDraft({ ...draft, patientId: e.target.value.trim() })}
        />
        {staff.data ? (
          <SelectField
            label={t('audit.user')}
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
            options={[
              { value: '', label: t('audit.anyUser') },
              ...staff.data.map((s) => ({ value: s.id, label: `${s.displayName} (${s.loginId})` })),
            ]}
          />
        ) : (
          <TextField
            label={t('audit.userId')}
            autoComplete="off"
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value.trim() })}
          />
        )}
        <TextField label={t('audit.from')} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label={t('audit.to')} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <div className="filters__actions">
          <button type="submit" className="btn btn--primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="btn btn--quiet"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setPatientLabel(null);
              setPatientError(undefined);
            }}
          >
            {t('audit.clear')}
          </button>
          <button type="button" className="btn" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
            {t('audit.export')}
          </button>
        </div>
      </form>
      <ErrorMessage error={log.error} />
      <ErrorMessage error={exportCsv.error} />
      {log.isPending ? <Loading /> : null}
      {log.data && rows.length === 0 ? <p className="empty">{t('audit.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table table--cards table--dense">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.user')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.resource')}</th>
                <th scope="col">{t('audit.patient')}</th>
                <th scope="col">{t('audit.outcome')}</th>
                <th scope="col">{t('audit.client')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('audit.at')} className="nowrap">
                    {formatDateTime(r.at, lang)}
                  </td>
                  <td data-label={t('audit.user')}>
                    {r.userName ?? ''}
                    {r.role ? (
                      <span className="muted small">
                        {r.userName ? ' · ' : ''}
                        {t(`roles.${r.role}`, { defaultValue: r.role })}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('audit.action')}>
                    <span title={r.action}>{auditActionLabel(r.action, lang)}</span>
                  </td>
                  <td data-label={t('audit.resource')}>
                    {auditResourceLabel(r.resource, lang)}
                    {r.resourceId && r.resourceId !== r.patientId ? (
                      <>
                        {' '}
                        {r.resourceName ? <span title={r.resourceId}>{r.resourceName}</span> : <ShortId id={r.resourceId} />}
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('audit.patient')}>
                    {r.patientId ? (
                      <button
                        type="button"
                        className="link-button"
                        title={t('audit.filterPatient')}
                        onClick={() => {
                          const next = { ...filters, patientId: r.patientId ?? '' };
                          setDraft(next);
                          setFilters(next);
                        }}
                      >
                        {r.patientLabel ? <span title={r.patientId}>{r.patientLabel}</span> : <ShortId id={r.patientId} />}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('audit.outcome')}>
                    <span className={`status status--${r.outcome === 'success' ? 'active' : 'disabled'} nowrap`}>
                      {t(`audit.outcomes.${r.outcome}`, { defaultValue: r.outcome })}
                    </span>
                  </td>
                  <td data-label={t('audit.client')} className="small">
                    {r.ip ?? '—'}
                    {r.requestId ? (
                      <span className="muted">
                        {' · '}
                        <ShortId id={r.requestId} />
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <p>
          <button type="button" className="btn" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {log.isFetchingNextPage ? t('common.loading') : t('audit.more')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}
