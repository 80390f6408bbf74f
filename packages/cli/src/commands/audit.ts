import { verifyAudit } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';
import { openDb, parseOptions } from '../open-db.ts';

const help = `Usage: mimamori audit verify [--db PATH] [--json]

Recomputes the hash chain of the audit log from its first row. Exit 0 when every row
verifies; exit 1 and the first bad row (id, chain, sequence number, reason) otherwise.
`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the hash-chained audit log',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    let p;
    try {
      p = parseOptions(args, { values: ['db'], flags: ['json'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (p.positional[0] !== 'verify') throw new UsageError(p.positional[0] ? `unknown audit command "${p.positional[0]}"` : 'which audit command? (verify)');
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      const v = await verifyAudit(h.db);
      if (p.flags.has('json')) io.stdout(`${JSON.stringify(v)}\n`);
      else if (v.ok) io.stdout(`audit log OK: ${v.rows} rows in ${v.chains} chain(s)\n`);
      else io.stdout(`audit log BROKEN: first bad row id ${v.firstBad!.id} (chain ${v.firstBad!.chain}, seq ${v.firstBad!.seq}): ${v.firstBad!.reason}\n`);
      return v.ok ? 0 : 1;
    } finally {
      await h.close();
    }
  },
};
