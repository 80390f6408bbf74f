import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClinicFactsView, SetupChecklistView } from '@mimamori/server/api-types';
import { api } from '../../../shared/api/client.ts';

export type { ClinicFactsView, SetupChecklistView };

export function useClinicFacts() {
  return useQuery({ queryKey: ['clinic', 'facts'], queryFn: ({ signal }) => api<ClinicFactsView>('/api/clinic/facts', { signal }) });
}

export function useSetupChecklist(enabled = true) {
  return useQuery({ queryKey: ['clinic', 'setup'], queryFn: ({ signal }) => api<SetupChecklistView>('/api/clinic/setup', { signal }), enabled });
}

/** Saves the clinic's facts; the checklist, the scheduling settings and the session's clinic name follow. */
export function useSaveClinicFacts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; address: string; phone: string; registrationNumber: string }) => api<ClinicFactsView>('/api/clinic/facts', { method: 'PUT', body }),
    onSuccess: async (facts) => {
      qc.setQueryData(['clinic', 'facts'], facts);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['clinic', 'setup'] }),
        qc.invalidateQueries({ queryKey: ['scheduling'] }),
        qc.invalidateQueries({ queryKey: ['session'] }),
      ]);
    },
  });
}
