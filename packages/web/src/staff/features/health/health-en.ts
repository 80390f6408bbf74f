import type { healthJa } from './health-ja.ts';

/** English strings of the server health banner shown to administrators. */
export const healthEn: typeof healthJa = {
  title: 'The server needs attention',
  diskLow: 'The server\'s disk is running out of free space ({{free}} MB left). Check the backups and free up space.',
  diskLowUnknown: 'The server\'s disk is running out of free space. Check the backups and free up space.',
  diskFull: 'The disk is full and nothing can be saved. Bookings and entries are not saved until space is freed.',
  corrupt: 'Damage to the database was detected. Stop entering data and restore the last good backup (recovery steps: docs/security.md, "Recovering a damaged database").',
  clockOffset: 'The server\'s clock is {{seconds}} s off its time source ({{source}}). Recorded times will be wrong: check the time synchronisation (NTP).',
  clockUnreachable: 'The time source ({{source}}) does not answer, so the server\'s clock cannot be checked. Check the network and the time synchronisation (NTP) settings.',
  unknownSource: 'not set',
};
