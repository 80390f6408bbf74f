import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isDomainError } from '@mimamori/core/errors/domain-error';
import { outcomeCheckText } from '@mimamori/core/outcome/outcome-check-issue';
import { exportProgramDataCut, listClinics, listLatestPrograms, listPlanVersions, loadOrCreateSecretKey, lockAnalysisPlan, saveAnalysisPlan } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';
import { dbLocation, openDb, parseOptions } from '../open-db.ts';

const help = [
  'Usage: mimamori program list [--json] [--db PATH]',
  '       mimamori program export <program id> --out DIR [--plan FILE] [--at INSTANT] [--db PATH]',
  '       mimamori program plan show <program id> [--db PATH]',
  '       mimamori program plan save <program id> --file PLAN.json [--reason TEXT] [--db PATH]',
  '       mimamori program plan lock <program id> [--db PATH]',
  '',
  'list    the programs (latest version of each); --json prints [{"id","name"}, …]',
  'export  writes the program\'s data cut to DIR (a new or empty directory): participants.csv,',
  '        outcomes.csv, adverse_events.csv, medications.csv, labs.csv, exposures.csv,',
  '        codebook.csv, plan.json, manifest.json (docs/outcome-report.md). Study ids are keyed',
  '        with the clinic\'s key file; days count from each participant\'s first dose; no names,',
  '        dates or free text; participants who withdrew their data are left out and counted.',
  '        --plan FILE: the analysis plan (JSON) to include; without it a draft plan is derived',
  '        from the program. --at: the moment of the cut (ISO instant; default now).',
  'plan    the analysis plan: show prints every version as JSON; save edits the draft or starts',
  '        a new version (an amendment of a locked plan needs --reason); lock fixes the latest',
  '        draft, hashing its canonical JSON (SHA-256) into the audit chain. Without --plan, export',
  '        uses the latest locked version (else the latest draft).',
  '',
].join('\n');

export const programCommand: Command = {
  name: 'program',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
      io.stdout(help);
      return sub === undefined ? 2 : 0;
    }
    let p: ReturnType<typeof parseOptions>;
    try {
      p = parseOptions(rest, { values: ['db', 'out', 'plan', 'at', 'file', 'reason'], flags: ['json'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (sub === 'list') {
      const h = await openDb(io, { dbPath: p.values.db });
      try {
        const list: Array<{ id: string; name: string }> = [];
        for (const c of await listClinics(h.db)) {
          for (const r of await listLatestPrograms(h.db, c.id)) {
            const d = JSON.parse(r.definition_json) as { title?: { ja?: string; en?: string } };
            list.push({ id: r.program_id, name: d.title?.ja ?? d.title?.en ?? r.program_id });
          }
        }
        io.stdout(p.flags.has('json') ? `${JSON.stringify(list)}\n` : list.map((x) => `${x.id}\t${x.name}\n`).join(''));
        return 0;
      } finally {
        await h.close();
      }
    }
    if (sub === 'plan') return planSubcommand(p, io);
    if (sub !== 'export') throw new UsageError(`unknown subcommand "${sub}" (list, export or plan)`);
    const [programId, ...extra] = p.positional;
    if (!programId || extra.length) throw new UsageError('export needs one program id');
    if (!p.values.out) throw new UsageError('export needs --out DIR');
    const out = isAbsolute(p.values.out) ? p.values.out : join(io.cwd, p.values.out);
    if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`${p.values.out} is not empty; a data cut is never written over another`);
    let plan: unknown;
    if (p.values.plan) {
      try {
        plan = JSON.parse(readFileSync(isAbsolute(p.values.plan) ? p.values.plan : join(io.cwd, p.values.plan), 'utf8'));
      } catch {
        throw new UsageError(`cannot read the plan "${p.values.plan}" as JSON`);
      }
    }
    const at = p.values.at ? new Date(p.values.at) : new Date();
    if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO instant (got "${p.values.at}")`);
    const { keyFile } = dbLocation(io, p.values.db);
    if (!existsSync(keyFile)) throw new Error(`no key file at ${keyFile}: study ids are keyed with the clinic's key file (set MIMAMORI_KEY_FILE)`);
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      const cut = await exportProgramDataCut(h.db, { programId, masterKey: loadOrCreateSecretKey(keyFile).key, now: at, plan, mimamoriVersion: '0.1.0' });
      mkdirSync(out, { recursive: true, mode: 0o700 });
      for (const [name, text] of Object.entries(cut.files)) writeFileSync(join(out, name), text, { mode: 0o600 });
      io.stdout(`data cut of ${programId}: ${cut.participants} participant(s), ${cut.excludedNoDataUse} left out at their request, written to ${p.values.out}\n`);
      return 0;
    } catch (e) {
      if (isDomainError(e) && e.code === 'not_found') throw new UsageError(e.message);
      throw e;
    } finally {
      await h.close();
    }
  },
};

async function planSubcommand(p: ReturnType<typeof parseOptions>, io: Parameters<Command['run']>[1]): Promise<number> {
  const [action, programId, ...extra] = p.positional;
  if (!['show', 'save', 'lock'].includes(action ?? '')) throw new UsageError('plan needs show, save or lock');
  if (!programId || extra.length) throw new UsageError(`plan ${action} needs one program id`);
  let plan: unknown;
  if (action === 'save') {
    if (!p.values.file) throw new UsageError('plan save needs --file PLAN.json');
    try {
      plan = JSON.parse(readFileSync(isAbsolute(p.values.file) ? p.values.file : join(io.cwd, p.values.file), 'utf8'));
    } catch {
      throw new UsageError(`cannot read "${p.values.file}" as JSON`);
    }
  }
  const h = await openDb(io, { dbPath: p.values.db });
  try {
    if (action === 'show') {
      const rows = await listPlanVersions(h.db, programId);
      io.stdout(`${JSON.stringify(rows.map((r) => ({ version: r.version, lockedAt: r.locked_at, sha256: r.sha256, amendmentReason: r.amendment_reason, plan: JSON.parse(r.plan_json) })), null, 2)}\n`);
      return 0;
    }
    const now = p.values.at ? new Date(p.values.at) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError(`--at must be an ISO instant (got "${p.values.at}")`);
    if (action === 'save') {
      const r = await saveAnalysisPlan(h.db, { programId, plan, reason: p.values.reason, now });
      io.stdout(`${r.created ? 'saved a new draft' : 'updated the draft'}: version ${r.version}\n`);
      return 0;
    }
    const r = await lockAnalysisPlan(h.db, { programId, now });
    io.stdout(`locked version ${r.version} at ${r.lockedAt}; SHA-256 ${r.sha256}\n`);
    return 0;
  } catch (e) {
    if (isDomainError(e)) {
      if (e.code === 'not_found') throw new UsageError(e.message);
      const detail = e.issues.map((i) => `\n  ${i.path}: ${outcomeCheckText(i)}`).join('');
      io.stderr(`mimamori program plan ${action}: ${e.message}${detail}\n`);
      return 1;
    }
    throw e;
  } finally {
    await h.close();
  }
}
