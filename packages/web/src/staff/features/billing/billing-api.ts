import { useQuery } from '@tanstack/react-query';
import type { ClosingView, DocumentView, PatientAccountView, PendingRefundsView, PriceListView, StatementView } from '@mimamori/server/api-types';
import { DOCUMENT_KINDS } from '@mimamori/core/billing/document-kind';
import { api } from '../../../shared/api/client.ts';

export type { ClosingView, DocumentView, PatientAccountView, PendingRefundsView, PriceListView, StatementView };
export type PaymentMethod = 'cash' | 'card' | 'transfer';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'transfer'];
export interface BillingSettings { readonly address: string; readonly phone: string; readonly registrationNumber: string | null; readonly rounding: 'floor' | 'round' | 'ceil' }

export const accountKey = (id: string) => ['billing', 'account', id];
export const useAccount = (id: string) => useQuery({ queryKey: accountKey(id), queryFn: ({ signal }) => api<PatientAccountView>(`/api/billing/patients/${encodeURIComponent(id)}`, { signal }) });
export const documentsKey = (id: string) => ['billing', 'documents', id];
export const useDocuments = (id: string) => useQuery({ queryKey: documentsKey(id), queryFn: ({ signal }) => api<{ items: DocumentView[] }>(`/api/patients/${encodeURIComponent(id)}/documents`, { signal }) });
export { DOCUMENT_KINDS };

/** A new id for a record the form creates (32 hex): sending the form twice records it once. */
export function newFormId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
export const usePrices = () => useQuery({ queryKey: ['billing', 'prices'], queryFn: ({ signal }) => api<PriceListView>('/api/billing/prices', { signal }) });
export const useSettings = () => useQuery({ queryKey: ['billing', 'settings'], queryFn: ({ signal }) => api<BillingSettings>('/api/billing/settings', { signal }) });
export const useClosing = (date: string) => useQuery({ queryKey: ['billing', 'closing', date], queryFn: ({ signal }) => api<ClosingView>(`/api/billing/closing?date=${date}`, { signal }), enabled: /^\d{4}-\d{2}-\d{2}$/.test(date) });
export const usePendingRefunds = () => useQuery({ queryKey: ['billing', 'refunds'], queryFn: ({ signal }) => api<PendingRefundsView>('/api/billing/refunds/pending', { signal }) });

export const statementPdfUrl = (id: string, lang: 'ja' | 'en') => `/api/billing/statements/${encodeURIComponent(id)}/pdf?lang=${lang}`;
export const closingCsvUrl = (from: string, to: string) => `/api/billing/closing.csv?from=${from}&to=${to}`;

/** `12345` → `¥12,345`; a refund keeps its minus sign. */
export function yen(n: number): string {
  return `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US')}`;
}
