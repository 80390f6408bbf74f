import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { existsSync } from 'node:fs';
import { auditHeads, checkExportSignature, formatAuditAnchors, loadOrCreateSecretKey, parseAuditAnchors, verifyAudit, type AuditAnchor } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';
import { dbLocation, openDb, parseOptions } from '../open-db.ts';

const help = `Usage: mimamori audit verify [--anchors FILE] [--db PATH] [--json]
       mimamori audit head [--db PATH]
       mimamori audit check-export FILE

verify  Recomputes every hash chain found in the audit log from its first row. Exit 0 when every
        row verifies and every chain's head matches its last row; exit 1 and the first bad row
        (id, chain, sequence number, reason) otherwise.
        --anchors FILE also checks chain heads copied out earlier (the lines printed by
        \`audit head\` or mailed daily): each must be reproduced by recomputing its chain up to
        that sequence number, so a chain rewritten or rebuilt from scratch fails here.
head    Prints the head of every chain, one line each, to keep outside the database
        (print it, mail it, or store it on write-once media).
check-export
        Checks the signature line at the end of an audit CSV exported from the staff app:
        exit 0 when the file is exactly as exported, 1 when it was edited or is unsigned.
        Needs the clinic's key file (MIMAMORI_KEY_FILE or beside the database).
`;

export const auditCommand: Command = {
  name: 'audit',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    let p;
    try {
      p = parseOptions(args, { values: ['db', 'anchors'], flags: ['json'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const sub = p.positional[0];
    if (sub === 'check-export') {
      const name = p.positional[1];
      if (!name) throw new UsageError('check-export needs a FILE');
      const { keyFile } = dbLocation(io, p.values.db);
      if (!existsSync(keyFile)) throw new Error(`no key file at ${keyFile}: the check needs the clinic's key file (set MIMAMORI_KEY_FILE)`);
      const text = readFileSync(isAbsolute(name) ? name : join(io.cwd, name), 'utf8');
      const r = checkExportSignature(loadOrCreateSecretKey(keyFile).key, text);
      io.stdout(r.ok ? `${name}: signature valid — the file is exactly as exported\n` : r.reason === 'edited' ? `${name}: EDITED — the content does not match its signature\n` : `${name}: no signature line — not an export of this clinic, or cut short\n`);
      return r.ok ? 0 : 1;
    }
    if (sub !== 'verify' && sub !== 'head') throw new UsageError(sub ? `unknown audit command "${sub}"` : 'which audit command? (verify, head, check-export)');
    let anchors: AuditAnchor[] | undefined;
    if (sub === 'verify' && p.values.anchors !== undefined) {
      const file = isAbsolute(p.values.anchors) ? p.values.anchors : join(io.cwd, p.values.anchors);
      anchors = parseAuditAnchors(readFileSync(file, 'utf8'));
      if (anchors.length === 0) throw new Error(`${p.values.anchors} holds no "mimamori-audit-head" lines`);
    }
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      if (sub === 'head') {
        io.stdout(`${formatAuditAnchors(await auditHeads(h.db))}\n`);
        return 0;
      }
      const { anchorsBroken: stale, ...v } = await verifyAudit(h.db, anchors ? { anchors } : {});
      if (p.flags.has('json')) io.stdout(`${JSON.stringify({ ...v, anchorsChecked: anchors?.length ?? 0, anchorsNotFound: stale })}\n`);
      else {
        if (v.ok) io.stdout(`audit log OK: ${v.rows} rows in ${v.chains} chain(s)\n`);
        else io.stdout(`audit log BROKEN: first bad row id ${v.firstBad!.id} (chain ${v.firstBad!.chain}, seq ${v.firstBad!.seq}): ${v.firstBad!.reason}\n`);
        if (anchors && stale.length === 0) io.stdout(`${anchors.length} head(s) copied out earlier are reproduced by the rows up to them\n`);
        for (const a of stale) io.stdout(`audit log REWRITTEN: chain ${a.chain} seq ${a.seq} should have hash ${a.hash}, has ${a.found ?? 'no row'}: ${a.reason}\n`);
      }
      return v.ok && stale.length === 0 ? 0 : 1;
    } finally {
      await h.close();
    }
  },
};
