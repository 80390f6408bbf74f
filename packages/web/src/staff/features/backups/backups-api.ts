import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { BackupStatusView } from '@mimamori/server/api-types';

/** `GET /api/backups` (administrators): the newest backups and whether the newest is too old. */
export function useBackupStatus(enabled = true) {
  return useQuery({ queryKey: ['backups'], enabled, queryFn: ({ signal }) => api<BackupStatusView>('/api/backups', { signal }) });
}
