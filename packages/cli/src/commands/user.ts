import { addStaffUser, currentTotp, resetStaffUser, writeTransaction } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';
import { openDb, parseOptions } from '../open-db.ts';

const help = `Usage:
  mimamori user add --login ID --name NAME --role ROLE [--clinic ID] [--db PATH]
  mimamori user reset --login ID [--db PATH]

add    creates an active staff account (roles: admin, doctor, nurse, reception, researcher)
       with a random password and TOTP secret, printed once; in the clinic --clinic ID
       (npx mimamori clinic list), else the first clinic.
reset  sets a new random password and TOTP secret for an account and ends its sessions.
`;

export const userCommand: Command = {
  name: 'user',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    let p;
    try {
      p = parseOptions(args, { values: ['login', 'name', 'role', 'clinic', 'db'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const sub = p.positional[0];
    if (sub !== 'add' && sub !== 'reset') throw new UsageError(sub ? `unknown user command "${sub}"` : 'which user command? (add, reset)');
    const login = p.values.login;
    if (!login) throw new UsageError('--login is required');
    if (sub === 'add' && (!p.values.name || !p.values.role)) throw new UsageError('--name and --role are required');
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      const now = new Date();
      const c = await writeTransaction(h.db, (tx) =>
        sub === 'add'
          ? addStaffUser(tx, { loginId: login, displayName: p.values.name!, role: p.values.role!, now, secrets: h.secrets, ...(p.values.clinic ? { clinicId: p.values.clinic } : {}) })
          : resetStaffUser(tx, { loginId: login, now, secrets: h.secrets }),
      );
      io.stdout(`${sub === 'add' ? 'created' : 'reset'} ${c.loginId} (${c.role})\npassword:    ${c.password}\nTOTP secret: ${c.totpSecret}  (current code ${currentTotp(c.totpSecret, now)})\nShow these once to the person, then clear the screen.\n`);
      return 0;
    } finally {
      await h.close();
    }
  },
};
