import type { backupsJa } from './backups-ja.ts';

/** English strings of the backups screen and its warning. */
export const backupsEn: Record<keyof typeof backupsJa, string> = {
  title: 'Backups',
  intro: 'Backups are made with the server’s command line (safe while the server runs). Each file is encrypted with the clinic’s key file: keep a copy of that key file apart from the backups.',
  last: 'Newest backup',
  none: 'No backup has been recorded.',
  ok: 'The newest backup is {{hours}} hours old.',
  recent: 'The newest backup was made within the last hour.',
  stale: 'The newest backup is {{hours}} hours old (more than {{limit}} hours). Make a backup now.',
  noneWarning: 'No backup has been made yet. Make a backup now.',
  howTitle: 'How to make a backup',
  howSqlite: 'In the server’s folder, run (best every day, from cron or the task scheduler):',
  howPostgres: 'With PostgreSQL (DATABASE_URL set) the command is the same; it uses pg_dump.',
  restoreHint: 'To restore, stop the server, then run npx mimamori db restore FILE.',
  history: 'Recent backups',
  finishedAt: 'Made at',
  file: 'File',
  size: 'Size',
  open: 'Check backups',
};
