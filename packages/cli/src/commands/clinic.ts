import { isDomainError } from '@mimamori/core';
import { CLINIC_MESSAGES } from '@mimamori/core/clinic/index';
import { formatWallClock } from '@mimamori/core/time/index';
import { createClinic, issueSetupLink, listClinics, writeTransaction } from '@mimamori/storage';
import { UsageError, type CliIo, type Command } from '../command.ts';
import { openDb, parseOptions } from '../open-db.ts';

const help = `Usage:
  mimamori clinic add --name NAME [--id ID] [--time-zone ZONE] [--db PATH]
  mimamori clinic list [--db PATH]

add    creates a clinic in this database (a network of clinics shares one PostgreSQL database,
       DATABASE_URL; each clinic sees only its own data) and prints its one-time setup link
       (valid 24 h): whoever opens it creates the clinic's first administrator.
         --name       the clinic's name, e.g. "見守りクリニック 梅田"
         --id         a readable id (2–40 lower-case letters, digits, hyphens; default: random)
         --time-zone  IANA zone of the clinic's clock (default Asia/Tokyo)
       The link starts with PUBLIC_URL (default http://localhost:PORT, PORT 3000).
list   the clinics: id, name, time zone.
`;

type MessageKey = keyof typeof CLINIC_MESSAGES;

/** A refusal in both languages (Japanese first): the catalogue's text with its {params} filled. */
function bilingual(key: string, params: Readonly<Record<string, unknown>>): string {
  const m = (CLINIC_MESSAGES as Record<string, { ja: string; en: string } | undefined>)[key as MessageKey];
  if (!m) return key;
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (all, k: string) => (params[k] === undefined ? all : String(params[k])));
  return `${fill(m.ja)}\n${fill(m.en)}`;
}

function publicUrl(io: CliIo): string {
  return (io.env.PUBLIC_URL ?? `http://localhost:${io.env.PORT ?? 3000}`).replace(/\/$/, '');
}

export const clinicCommand: Command = {
  name: 'clinic',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    let p;
    try {
      p = parseOptions(args, { values: ['name', 'id', 'time-zone', 'db'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const sub = p.positional[0];
    if (sub !== 'add' && sub !== 'list') throw new UsageError(sub ? `unknown clinic command "${sub}"` : 'which clinic command? (add, list)');
    if (sub === 'add' && p.values.name === undefined) {
      io.stderr(`mimamori clinic: ${bilingual('clinic.name_required', {})}\n`);
      return 2;
    }
    const h = await openDb(io, { dbPath: p.values.db });
    try {
      if (sub === 'list') {
        for (const c of await listClinics(h.db)) io.stdout(`${c.id}\t${c.name}\t${c.timeZone}\n`);
        return 0;
      }
      const now = new Date();
      let made;
      try {
        made = await writeTransaction(h.db, async (tx) => {
          const clinic = await createClinic(tx, {
            name: p.values.name!, now, ...(p.values.id !== undefined ? { id: p.values.id } : {}), ...(p.values['time-zone'] !== undefined ? { timeZone: p.values['time-zone'] } : {}),
          });
          return { clinic, link: await issueSetupLink(tx, { clinicId: clinic.id, publicUrl: publicUrl(io), now }) };
        });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        const first = e.issues[0];
        const lines = e.issues.length > 1 ? e.issues.map((i) => bilingual(i.key, i.params ?? {})) : [bilingual(first?.key ?? e.key, first?.params ?? e.params)];
        io.stderr(`mimamori clinic: nothing was created.\n${lines.join('\n')}\n`);
        return 1;
      }
      const { clinic, link } = made;
      io.stdout(
        [
          `created clinic ${clinic.id} 「${clinic.name}」 (${clinic.timeZone})`,
          '',
          `One-time setup link for its first administrator, valid until ${formatWallClock(Date.parse(link.expiresAt), clinic.timeZone)}:`,
          '',
          `  ${link.url}`,
          '',
          'Give it only to that person; it works once.',
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await h.close();
    }
  },
};
