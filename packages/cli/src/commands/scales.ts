import { builtinScales, localize, type Lang, type ScaleDefinition } from '@mimamori/core/scales/index';
import { UsageError, type Command } from '../command.ts';

const help = `Usage: mimamori scales [--json] [--lang ja|en]

Lists the built-in rating scales: id, name, number of items and licence class
(A free to embed with text, B conditional, C permission or licence needed; see docs/instruments.md).

Options:
  --json        print the full definitions (items, options, scoring, band sets with band ids)
  --lang ja|en  language of the names in the table (default en)
`;

function licenceLabel(d: ScaleDefinition): string {
  return `${d.licence.class} (${d.licence.textIncluded ? 'text' : 'metadata only'})`;
}

export const scalesCommand: Command = {
  name: 'scales',
  run: async (args, io) => {
    let json = false;
    let lang: Lang = 'en';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--help' || a === '-h') {
        io.stdout(help);
        return 0;
      } else if (a === '--json') json = true;
      else if (a === '--lang' || a.startsWith('--lang=')) {
        const v = a.includes('=') ? a.slice('--lang='.length) : args[++i];
        if (v !== 'ja' && v !== 'en') throw new UsageError(`--lang must be ja or en (got ${v ?? 'nothing'})`);
        lang = v;
      } else throw new UsageError(`unknown option "${a}"`);
    }
    if (json) {
      io.stdout(`${JSON.stringify(builtinScales, null, 2)}\n`);
      return 0;
    }
    const rows = builtinScales.map((d) => [d.id, localize(d.name, lang) ?? d.shortName, String(d.items.length), licenceLabel(d)]);
    const head = ['ID', 'NAME', 'ITEMS', 'LICENCE'];
    const width = (k: number): number => Math.max(head[k].length, ...rows.map((r) => [...r[k]].length));
    const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));
    const line = (r: ReadonlyArray<string>): string =>
      [pad(r[0], width(0)), pad(r[1], width(1)), pad(r[2], width(2)), r[3]].join('  ').trimEnd();
    io.stdout(`${[head, ...rows].map(line).join('\n')}\n`);
    return 0;
  },
};
