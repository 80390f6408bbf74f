import { countStaff, currentTotp, seedDemo, writeTransaction } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';
import { openDb, parseOptions } from '../open-db.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

const help = `Usage: mimamori seed demo [--db PATH] [--at INSTANT]

Seeds the demo clinic (one staff member of each role, a dozen fictitious patients marked as
demo, and a TMS monitor program that has run: 52 fictitious people screened, a locked analysis
plan, sessions, scale answers, adverse events and lab results) into an EMPTY database and prints
the logins with random passwords and TOTP secrets. The program's dates count back from today, or
from --at (an ISO instant). \`npm run demo\` does this on a fresh data/demo.db.
`;

export const seedCommand: Command = {
  name: 'seed',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    let p;
    try {
      p = parseOptions(args, { values: ['db', 'at'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (p.positional[0] !== 'demo') throw new UsageError('usage: mimamori seed demo');
    const now = p.values.at ? new Date(p.values.at) : new Date();
    if (!Number.isFinite(now.getTime())) throw new UsageError(`--at ${p.values.at}: not an ISO instant (e.g. 2026-12-07T10:00:00+09:00)`);
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      if ((await countStaff(h.db)) > 0) throw new Error('the database already has staff accounts; the demo is seeded only into an empty database');
      const creds = await writeTransaction(h.db, (tx) => seedDemo(tx, { now, today: clinicDate(now.getTime(), 'Asia/Tokyo'), secrets: h.secrets }));
      io.stdout('demo clinic seeded (fictitious data)\nlogin id            password          TOTP secret\n');
      for (const c of creds) io.stdout(`${c.loginId.padEnd(19)} ${c.password.padEnd(17)} ${c.totpSecret}  (now ${currentTotp(c.totpSecret, now)})\n`);
      io.stdout('the demo monitor program tms-depression has run: `mimamori program export tms-depression --out DIR`, then `mimamori report --data DIR`\n');
      return 0;
    } finally {
      await h.close();
    }
  },
};
