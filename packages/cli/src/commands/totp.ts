import { currentTotp } from '@mimamori/storage';
import { UsageError, type Command } from '../command.ts';

export const totpCommand: Command = {
  name: 'totp',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h') || args.length === 0) {
      io.stdout('Usage: mimamori totp SECRET\n\nPrints the current code for a base32 TOTP secret, for the demo logins.\n');
      return args.length === 0 ? 2 : 0;
    }
    const secret = args[0]!;
    if (!/^[A-Z2-7]+=*$/i.test(secret)) throw new UsageError('SECRET must be base32 (A–Z, 2–7)');
    io.stdout(`${currentTotp(secret.toUpperCase(), new Date())}\n`);
    return 0;
  },
};
