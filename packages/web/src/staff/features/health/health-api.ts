import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { StorageStatus } from '@mimamori/server/api-types';

/** The answer of `GET /api/health` (packages/server/src/routes/health-routes.ts), as far as the banner reads it. */
export interface Health {
  readonly status: 'ok' | 'degraded';
  readonly clock: {
    readonly source: string | null;
    readonly offsetMs: number | null;
    readonly problem: 'offset_over_limit' | 'source_unreachable' | null;
  };
  readonly storage: StorageStatus;
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
