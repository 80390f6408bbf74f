import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { MAX_CLOCK_OFFSET_MS } from '../services/clock-offset.ts';
import type { StorageHealth } from '../services/storage-health.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps, storage: StorageHealth): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      description:
        `\`status\` is \`degraded\` when the clock is more than ${MAX_CLOCK_OFFSET_MS} ms off the time source (\`NTP_SERVER\`) or the time source does not answer, ` +
        'or when `storage.problems` is not empty: `database_corrupt` (the last integrity check or a query found damaged pages: restore the last good backup), ' +
        '`disk_full` (a write was refused for lack of space in the last 10 minutes) or `disk_space_low` (free space on the SQLite file\'s filesystem below `DISK_WARN_FREE_MB`).',
      response: {
        200: z.object({
          status: z.enum(['ok', 'degraded']),
          db: z.enum(['sqlite', 'postgres']),
          version: z.string(),
          clock: z.object({
            source: z.string().nullable(),
            offsetMs: z.number().nullable(),
            checkedAt: z.string().nullable(),
            problem: z.enum(['offset_over_limit', 'source_unreachable']).nullable(),
          }),
          storage: z.object({
            problems: z.array(z.enum(['database_corrupt', 'disk_full', 'disk_space_low'])),
            integrity: z.object({ status: z.enum(['ok', 'corrupt', 'unchecked']), method: z.string().nullable(), checkedAt: z.string().nullable() }),
            disk: z.object({ freeBytes: z.number().nullable(), warnBelowBytes: z.number(), lastFullAt: z.string().nullable() }),
          }),
        }),
      },
    },
  }, async () => {
    try {
      await sql`SELECT 1`.execute(deps.db.db);
    } catch (err) {
      // A database that cannot answer at all is an error; its storage failures are reported below.
      if (!storage.noteError(err)) throw err;
    }
    const m = deps.clockMonitor;
    const reading = m?.latest() ?? null;
    const problem: 'offset_over_limit' | 'source_unreachable' | null = !m ? null : m.lastError() !== null ? 'source_unreachable' : reading && Math.abs(reading.offsetMs) > MAX_CLOCK_OFFSET_MS ? 'offset_over_limit' : null;
    const s = storage.status();
    return {
      status: problem || s.problems.length ? ('degraded' as const) : ('ok' as const),
      db: deps.db.dialect,
      version: deps.config.version,
      clock: { source: reading?.server ?? null, offsetMs: reading?.offsetMs ?? null, checkedAt: reading?.checkedAt ?? null, problem },
      storage: { ...s, problems: [...s.problems] },
    };
  });
}
