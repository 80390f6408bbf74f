import { isAbsolute, join } from 'node:path';
import { createDb, secretKeyFileFor, type DbHandle } from '@mimamori/storage';
import type { CliIo } from './command.ts';

/** Where the database the server would use lives: DATABASE_URL, else --db PATH, MIMAMORI_DB or data/mimamori.db; and its key file. */
export function dbLocation(io: CliIo, dbPath?: string): { databaseUrl?: string; sqlitePath: string; keyFile: string } {
  const path = dbPath ?? io.env.MIMAMORI_DB ?? 'data/mimamori.db';
  const databaseUrl = io.env.DATABASE_URL || undefined;
  const sqlitePath = isAbsolute(path) ? path : join(io.cwd, path);
  return { databaseUrl, sqlitePath, keyFile: secretKeyFileFor({ env: io.env, cwd: io.cwd, sqlitePath, postgres: Boolean(databaseUrl) }) };
}

/** Opens the database the server would use, with the server's key file. */
export async function openDb(io: CliIo, o: { dbPath?: string; migrate?: boolean } = {}): Promise<DbHandle> {
  return createDb({ ...dbLocation(io, o.dbPath), migrate: o.migrate ?? true });
}

/** Takes `--name value` / `--name=value` options and boolean flags; returns them and the positionals. */
export function parseOptions(args: ReadonlyArray<string>, spec: { values?: ReadonlyArray<string>; flags?: ReadonlyArray<string> }) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) flags.add(name);
    else if (spec.values?.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`--${name} needs a value`);
      values[name] = v;
    } else throw new Error(`unknown option --${name}`);
  }
  return { values, flags, positional };
}
