import { countStaff, currentTotp, seedDemo } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';
import { openDb, parseOptions } from '../open-db.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

const help = `Usage: mimamori seed demo [--db PATH]

Seeds the demo clinic (one staff member of each role, a dozen fictitious patients marked as
demo) into an EMPTY database and prints the logins with random passwords and TOTP secrets.
\`npm run demo\` does this on a fresh data/demo.db.
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
      p = parseOptions(args, { values: ['db'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (p.positional[0] !== 'demo') throw new UsageError('usage: mimamori seed demo');
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      if ((await countStaff(h.db)) > 0) throw new Error('the database already has staff accounts; the demo is seeded only into an empty database');
      const now = new Date();
      const creds = await h.db.transaction().execute((tx) => seedDemo(tx, { now, today: clinicDate(now.getTime(), 'Asia/Tokyo'), secrets: h.secrets }));
      io.stdout('demo clinic seeded (fictitious data)\nlogin id            password          TOTP secret\n');
      for (const c of creds) io.stdout(`${c.loginId.padEnd(19)} ${c.password.padEnd(17)} ${c.totpSecret}  (now ${currentTotp(c.totpSecret, now)})\n`);
      return 0;
    } finally {
      await h.close();
    }
  },
};
