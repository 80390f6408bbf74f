import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { MAX_CLOCK_OFFSET_MS } from '../services/clock-offset.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      description: `\`status\` is \`degraded\` when the clock is more than ${MAX_CLOCK_OFFSET_MS} ms off the time source (\`NTP_SERVER\`) or the time source does not answer.`,
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
        }),
      },
    },
  }, async () => {
    await sql`SELECT 1`.execute(deps.db.db);
    const m = deps.clockMonitor;
    const reading = m?.latest() ?? null;
    const problem: 'offset_over_limit' | 'source_unreachable' | null = !m ? null : m.lastError() !== null ? 'source_unreachable' : reading && Math.abs(reading.offsetMs) > MAX_CLOCK_OFFSET_MS ? 'offset_over_limit' : null;
    return {
      status: problem ? ('degraded' as const) : ('ok' as const),
      db: deps.db.dialect,
      version: deps.config.version,
      clock: { source: reading?.server ?? null, offsetMs: reading?.offsetMs ?? null, checkedAt: reading?.checkedAt ?? null, problem },
    };
  });
}
