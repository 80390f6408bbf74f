import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { backupStatus } from '../services/backup-status.ts';

/** The administrators' backups screen: the last backups and whether the newest is too old. */
export function registerBackupRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/backups', {
    config: { access: 'staff:admin' },
    schema: { tags: ['staff'], description: 'The newest backups `mimamori db backup` wrote (time, file, size) and whether the newest is older than 24 hours.' },
  }, async (req) => backupStatus(contextOf(deps, req)));
}
