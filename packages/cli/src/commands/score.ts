import { isDomainError } from '@mimamori/core/errors/domain-error';
import {
  answersFromList,
  builtinScales,
  getBuiltinScale,
  scoreScale,
  type Informant,
  type ScaleDefinition,
  type ScoreResult,
} from '@mimamori/core/scales/index';
import { UsageError, type Command } from '../command.ts';

const help = `Usage: mimamori score <scale-id> --answers <comma list> [--band-set <id>] [--informant <who>]

Scores one administration of a built-in scale and prints one JSON object:
  {"scale":"phq9","version":"1.0.0","valid":true,"total":14,"band":"moderate","missing":0,"subscales":{},"flags":["suicidality"]}

  --answers   one entry per item in order: the option value (or its code, e.g. yes/no);
              an empty entry is a missing item, e.g. 1,2,,3
  --band-set  use another band set of the scale (e.g. cox1987_uk for EPDS)
  --informant self, parent, teacher or clinician: picks the band set normed for that informant

When the scale's missing-item rule says it cannot be scored, prints "valid":false, "total":null and
a "reason". Out-of-range answers or the wrong number of answers exit with status 2.
Scale ids: ${builtinScales.map((s) => s.id).join(', ')}
`;

/** Turns one CLI entry into an answer: '' → missing, an option code → its value, else an integer. */
function parseEntry(definition: ScaleDefinition, index: number, raw: string): number | null {
  const entry = raw.trim();
  if (entry === '') return null;
  const item = definition.items[index];
  const byCode = item?.options.find((o) => o.code !== undefined && o.code.toLowerCase() === entry.toLowerCase());
  if (byCode) return byCode.value;
  if (!/^-?\d+$/.test(entry)) {
    throw new UsageError(
      `answer ${index + 1} ("${entry}") is not a number / 回答 ${index + 1}（「${entry}」）は数値ではありません`,
    );
  }
  return Number(entry);
}

/** The CLI's one-line result: total, band id, flag ids and subscale totals. */
export function scoreOutput(result: ScoreResult): Record<string, unknown> {
  const subscales: Record<string, number | null> = {};
  for (const [id, s] of Object.entries(result.subscales)) subscales[id] = s.score;
  return {
    scale: result.scaleId,
    version: result.version,
    valid: result.valid,
    total: result.total,
    band: result.band,
    missing: result.missing,
    subscales,
    flags: [...new Set(result.flags.map((f) => f.id))],
    ...(result.prorated ? { prorated: true } : {}),
    ...(result.reason ? { reason: result.reason.message.en } : {}),
  };
}

export const scoreCommand: Command = {
  name: 'score',
  run: async (args, io) => {
    let scaleId: string | undefined;
    let answers: string | undefined;
    let bandSet: string | undefined;
    let informant: Informant | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--help' || a === '-h') {
        io.stdout(help);
        return 0;
      }
      const value = (name: string): string => {
        if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
        const v = args[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        return v;
      };
      if (a === '--answers' || a.startsWith('--answers=')) answers = value('--answers');
      else if (a === '--band-set' || a.startsWith('--band-set=')) bandSet = value('--band-set');
      else if (a === '--informant' || a.startsWith('--informant=')) {
        const v = value('--informant');
        if (v !== 'self' && v !== 'parent' && v !== 'teacher' && v !== 'clinician') {
          throw new UsageError(`--informant must be self, parent, teacher or clinician (got ${v})`);
        }
        informant = v;
      }
      else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
      else if (scaleId === undefined) scaleId = a;
      else throw new UsageError(`unexpected argument "${a}"`);
    }
    if (scaleId === undefined) throw new UsageError('which scale? e.g. mimamori score phq9 --answers 0,1,2,…');
    const definition = getBuiltinScale(scaleId);
    if (!definition) {
      throw new UsageError(`unknown scale "${scaleId}"; scale ids: ${builtinScales.map((s) => s.id).join(', ')}`);
    }
    if (answers === undefined) throw new UsageError('--answers is required, e.g. --answers 0,1,2,…');
    const list = answers.split(',').map((raw, i) => parseEntry(definition, i, raw));
    try {
      const result = scoreScale(definition, answersFromList(definition, list), {
        ...(bandSet ? { bandSet } : {}),
        ...(informant ? { informant } : {}),
      });
      io.stdout(`${JSON.stringify(scoreOutput(result))}\n`);
      return 0;
    } catch (e) {
      if (isDomainError(e) && e.code === 'validation') throw new UsageError(e.message);
      throw e;
    }
  },
};
