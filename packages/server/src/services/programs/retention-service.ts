import { retentionOf, type Retention } from '@mimamori/core/programs/index';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { listEnrolments } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { clinicZone, nowIso } from './program-context.ts';
import { listPrograms } from './program-definition-service.ts';

/** Where a program's retention stands: kept (end not recorded, or within the period) or over (it falls due). */
export type RetentionState = 'end_not_recorded' | 'kept' | 'over';

/**
 * Each program's retention period under its pathway (`retentionOf`), the date it ends and whether
 * it is over, earliest first — what falls due for the administrator. Mimamori itself deletes no
 * research data (docs/governance.md); this is the list to act on. An audited read.
 */
export async function listRetention(ctx: RequestContext) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const zone = await clinicZone(db, actor.clinicId);
  const today = clinicDate(nowIso(ctx), zone);
  const programs = await listPrograms(ctx);
  const enrolments = await listEnrolments(db, { clinicId: actor.clinicId });
  const items = programs.map(({ program }) => {
    const retention: Retention = retentionOf({ pathway: program.pathway, closure: program.closure });
    const state: RetentionState = retention.until === null ? 'end_not_recorded' : today > retention.until ? 'over' : 'kept';
    return {
      programId: program.id, title: program.title, version: program.version, pathway: program.pathway, closure: program.closure ?? {},
      participants: enrolments.filter((e) => e.program_id === program.id).length, ...retention, state,
    };
  });
  items.sort((a, b) => (a.until ?? '9999').localeCompare(b.until ?? '9999'));
  await auditAlone(ctx, { action: 'program.retention', resource: 'program', detail: `results=${items.length}` });
  return { today, items };
}
