import { useQuery } from '@tanstack/react-query';
import type { LabAnalyteView } from '@mimamori/server/api-types';
import { api } from '../../../shared/api/client.ts';

/** One analyte of the clinic's catalogue, as `GET /api/lab-analytes` answers it. */
export type Analyte = LabAnalyteView;

export const useAnalytes = () => useQuery({ queryKey: ['lab-analytes'], queryFn: ({ signal }) => api<{ items: Analyte[] }>('/api/lab-analytes', { signal }) });
