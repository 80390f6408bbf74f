import { UsageError } from '../command.ts';

/** Parsed `--name value` options and `--flag` switches of a stats subcommand. */
export interface StatsArgs {
  readonly values: ReadonlyMap<string, string>;
  /** Every value of options that may be repeated (e.g. `--levels`), in order. */
  readonly all: ReadonlyMap<string, ReadonlyArray<string>>;
  readonly flags: ReadonlySet<string>;
}

/** Parses options; `flagNames` take no value. Unknown options and stray words are usage errors. */
export function parseStatsArgs(args: ReadonlyArray<string>, spec: { readonly options: ReadonlyArray<string>; readonly flags: ReadonlyArray<string> }): StatsArgs {
  const values = new Map<string, string>();
  const all = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!spec.options.includes(name)) throw new UsageError(`unknown option --${name}`);
    const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
    values.set(name, v);
    all.set(name, [...(all.get(name) ?? []), v]);
  }
  return { values, all, flags };
}

export function required(a: StatsArgs, name: string): string {
  const v = a.values.get(name);
  if (v === undefined) throw new UsageError(`missing --${name}`);
  return v;
}

export function numberOption(a: StatsArgs, name: string, fallback?: number): number {
  const v = a.values.get(name);
  if (v === undefined) {
    if (fallback === undefined) throw new UsageError(`missing --${name}`);
    return fallback;
  }
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${v}"`);
  return n;
}

/** JSON with non-finite numbers as null (JSON has no NaN/Infinity). */
export function toJson(x: unknown): string {
  return `${JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))}\n`;
}
