import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';

// Mirrors the answer of `GET /api/health` (packages/server/src/routes/health-routes.ts).
export type StorageProblem = 'database_corrupt' | 'disk_full' | 'disk_space_low';
export interface Health {
  readonly status: 'ok' | 'degraded';
  readonly clock: {
    readonly source: string | null;
    readonly offsetMs: number | null;
    readonly problem: 'offset_over_limit' | 'source_unreachable' | null;
  };
  readonly storage: {
    readonly problems: readonly StorageProblem[];
    readonly disk: { readonly freeBytes: number | null; readonly warnBelowBytes: number };
  };
}

/** How often an administrator's pages ask the server how it is. */
export const HEALTH_POLL_MS = 3 * 60_000;

export function useHealth(enabled: boolean) {
  return useQuery({
    queryKey: ['health'],
    enabled,
    refetchInterval: HEALTH_POLL_MS,
    retry: false,
    queryFn: ({ signal }) => api<Health>('/api/health', { signal }),
  });
}
