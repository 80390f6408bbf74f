import { DomainError } from '@mimamori/core';
import { DEFAULT_ADULT_SCALES, DEFAULT_CHILD_SCALES, createDefaultIntakeDefinition } from '@mimamori/core/intake/default-intake-definition';
import type { IntakeDefinition } from '@mimamori/core/intake/intake-definition';
import { checkNewIntakeVersion } from '@mimamori/core/intake/validate-intake-definition';
import { childFormLacksScreen } from '@mimamori/core/intake/child-screen-gap';
import { latestClinicScales } from '../scales/resolve-scale-definition.ts';
import { getBuiltinScale } from '@mimamori/core/scales/builtin/index';
import {
  getLatestIntakeDefinition, getStaff, insertIntakeDefinition, listIntakeDefinitionVersions, newId, type Db, type IntakeDefinitionRow,
} from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';

/** The clinic's one intake form (several forms per clinic can come later: the id is stored). */
export const INTAKE_FORM_ID = 'default';

/** A scale the patient page can show: built in with its item wording (the licence allows it). */
export function scaleHasText(scaleId: string): boolean {
  const s = getBuiltinScale(scaleId);
  return Boolean(s && s.licence.textIncluded && s.items.every((i) => i.text?.ja && i.text?.en));
}

/**
 * The seeded form: the core's default with every age-based scale whose wording we may show. A child
 * scale without shipped wording (PHQ-9 for teens needs the clinic's own licensed text) is left out
 * until an administrator adds it back in the editor after importing the text.
 */
export function seededIntakeDefinition(): IntakeDefinition {
  return createDefaultIntakeDefinition({
    version: 1,
    adultScales: DEFAULT_ADULT_SCALES.filter((s) => scaleHasText(s.scaleId)),
    childScales: DEFAULT_CHILD_SCALES.filter((s) => scaleHasText(s.scaleId)),
  });
}

const parse = (r: IntakeDefinitionRow): IntakeDefinition => JSON.parse(r.definition_json) as IntakeDefinition;

/** The clinic's current (latest) form; the default is seeded as version 1 the first time. */
export async function currentIntakeDefinition(deps: AppDeps, db: Db, clinicId: string): Promise<IntakeDefinition> {
  const row = await getLatestIntakeDefinition(db, clinicId, INTAKE_FORM_ID);
  if (row) return parse(row);
  const def = seededIntakeDefinition();
  try {
    await insertIntakeDefinition(db, {
      id: newId(), clinic_id: clinicId, form_id: def.id, version: def.version, definition_json: JSON.stringify(def), created_at: deps.clock().toISOString(), created_by: null, no_screen_confirmation: null,
    });
  } catch (e) {
    // Another request seeded it at the same moment (unique version key): read theirs.
    const again = await getLatestIntakeDefinition(deps.db.db, clinicId, INTAKE_FORM_ID);
    if (again) return parse(again);
    throw e;
  }
  return def;
}

/** Every published version, oldest first: answers are always read with their own version. */
export async function intakeDefinitionVersions(deps: AppDeps, db: Db, clinicId: string): Promise<IntakeDefinition[]> {
  await currentIntakeDefinition(deps, db, clinicId);
  return (await listIntakeDefinitionVersions(db, clinicId, INTAKE_FORM_ID)).map(parse);
}

/** Staff list of versions (without the bodies). */
export async function listIntakeVersions(ctx: RequestContext) {
  const clinicId = requireStaff(ctx).clinicId;
  await currentIntakeDefinition(ctx, ctx.db.db, clinicId);
  const rows = await listIntakeDefinitionVersions(ctx.db.db, clinicId, INTAKE_FORM_ID);
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by }));
}

/**
 * Publishes an edited form as a new version, after the core's checks (valid, same form id, higher
 * version). Past intakes keep the version they were answered against.
 */
/** The shortest written confirmation accepted for a child form without a scored youth self-harm screen. */
export const NO_SCREEN_CONFIRMATION_MIN = 20;

/**
 * Whether the clinic's current child form has a scored youth self-harm screen, and, when it has
 * none, the clinic's written confirmation stored with that version (null for a version that was
 * seeded, or published before confirmations were asked for). Shown loudly to administrators.
 */
export async function childScreenStatus(ctx: RequestContext) {
  const clinicId = requireStaff(ctx).clinicId;
  const db = ctx.db.db;
  const current = await currentIntakeDefinition(ctx, db, clinicId);
  const missing = childFormLacksScreen(current, await latestClinicScales(db, clinicId));
  const row = await getLatestIntakeDefinition(db, clinicId, INTAKE_FORM_ID);
  const by = row?.created_by ? await getStaff(db, row.created_by) : undefined;
  return {
    version: current.version,
    missing,
    confirmation: missing && row?.no_screen_confirmation
      ? { text: row.no_screen_confirmation, at: row.created_at, by: row.created_by, byName: by?.display_name ?? null }
      : null,
  };
}

export async function publishIntakeDefinition(ctx: RequestContext, o: { definition: unknown; noScreenConfirmation?: string }): Promise<IntakeDefinition> {
  const a = requireStaff(ctx);
  const edited = o.definition;
  return writeTx(ctx, async (tx) => {
    const current = await currentIntakeDefinition(ctx, tx, a.clinicId);
    const errors = checkNewIntakeVersion(current, edited);
    if (errors.length > 0) throw new DomainError('validation', { key: 'intake_definition_invalid', params: { count: errors.length }, issues: errors });
    const def = edited as IntakeDefinition;
    // A child form without a scored youth self-harm screen is published only with the clinic's
    // written confirmation, typed by the administrator, stored with the version and audited.
    const lacksScreen = childFormLacksScreen(def, await latestClinicScales(tx, a.clinicId));
    const confirmation = o.noScreenConfirmation?.trim() ?? '';
    if (lacksScreen && [...confirmation].length < NO_SCREEN_CONFIRMATION_MIN) {
      throw new DomainError('validation', {
        key: 'intake_child_no_screen', params: { min: NO_SCREEN_CONFIRMATION_MIN },
        issues: [{ path: 'noScreenConfirmation', key: 'intake_child_no_screen' }],
      });
    }
    const id = newId();
    await insertIntakeDefinition(tx, {
      id, clinic_id: a.clinicId, form_id: def.id, version: def.version, definition_json: JSON.stringify(def), created_at: ctx.clock().toISOString(), created_by: a.staffId,
      no_screen_confirmation: lacksScreen ? confirmation : null,
    });
    await audit(ctx, tx, {
      action: lacksScreen ? 'intake_definition.publish_without_child_screen' : 'intake_definition.publish', resource: 'intake_definition', resourceId: id,
      detail: lacksScreen ? `version ${def.version}; no scored youth self-harm screen; confirmation: ${[...confirmation].slice(0, 300).join('')}` : `version ${def.version}`,
    });
    return def;
  });
}
