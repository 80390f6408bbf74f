// The only file that binds a port. `npm start` runs it; `npm run demo` runs it with --demo.
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSqliteFile, countStaff, createDb, currentTotp, secretKeyFileFor, seedDemo, seedDemoLine, seedDemoSafety } from '@mimamori/storage';
import { createApp } from './app.ts';
import { loggerOptions } from './http/logger-options.ts';
import { clockFromEnv, FIXED_NOW_ENV } from './clock.ts';
import { loadConfig } from './config.ts';
import { clinicDate, DEFAULT_CLINIC_ZONE, formatWallClock } from './core-imports.ts';
import { issueCredentialLink } from './services/staff-service.ts';
import { writeTx } from './services/write-tx.ts';
import { createMailWorker } from './mail/mail-worker.ts';
import { smtpConfigFrom } from './mail/smtp-config.ts';
import { createReminderJob } from './services/scheduling/appointment-mail.ts';
import { startQuestionnaireJob } from './services/scales/deliver-questionnaires.ts';
import { createAuditHeadJob } from './services/audit-head-mail.ts';
import { createAlertDispatchJob } from './services/safety/alert-escalation.ts';
import { createIdleStaffJob } from './services/disable-idle-staff.ts';
import { createLineDeliveryJob } from './services/line/line-worker.ts';
import { createSaeReminderJob } from './services/programs/sae-reminder-job.ts';
import { createClockOffsetMonitor, MAX_CLOCK_OFFSET_MS } from './services/clock-offset.ts';
import { createStorageHealth } from './services/storage-health.ts';

const demo = process.argv.includes('--demo');
// The system clock, unless MIMAMORI_FIXED_NOW starts it at a chosen instant (browser tests and date
// checks only; refused under NODE_ENV=production). It counts from the moment this process started.
const { clock, fixed: fixedNow } = clockFromEnv(process.env, performance.timeOrigin);
// The web build, found through the workspace package so the TypeScript source and the compiled
// dist/server/main.js agree on it.
const webDist = fileURLToPath(new URL('dist', import.meta.resolve('@mimamori/web/package.json')));
const config = loadConfig(process.env, {
  webDist,
  ...(demo && !process.env.DATABASE_URL ? { sqlitePath: process.env.MIMAMORI_DB ?? 'data/demo.db' } : {}),
});

if (demo && !config.databaseUrl) {
  // The demo always starts from a fresh database so its printed logins are the valid ones.
  for (const ext of ['', '-wal', '-shm']) rmSync(config.sqlitePath + ext, { force: true });
}

// A damaged SQLite file is refused before anything reads or writes it: serving from it would show
// wrong or missing records and every write could spread the damage.
if (!config.databaseUrl && existsSync(config.sqlitePath)) {
  const check = await checkSqliteFile(config.sqlitePath, 'quick');
  if (!check.ok) {
    process.stderr.write(
      [
        `Mimamori does not start: the database file ${config.sqlitePath} is damaged (${check.method}):`,
        ...check.problems.slice(0, 5).map((p) => `  ${p}`),
        'Stop here and keep the damaged file aside (do not delete it). Then restore the last good backup:',
        '  npx mimamori db restore <backup file>',
        '  npx mimamori db check && npx mimamori audit verify',
        'and start again. See "Recovering a damaged database" in docs/security.md.',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const keyFile = secretKeyFileFor({ env: process.env, cwd: process.cwd(), sqlitePath: config.sqlitePath, postgres: Boolean(config.databaseUrl) });
const db = await createDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, keyFile });
const smtp = smtpConfigFrom(process.env);
const ntp = process.env.NTP_SERVER?.trim();
const [ntpHost, ntpPort] = ntp ? (/^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(ntp)?.slice(1) ?? [ntp]) : [];
const clockMonitor = ntpHost
  ? createClockOffsetMonitor({
      host: ntpHost,
      port: ntpPort ? Number(ntpPort) : undefined,
      onDrift: (r) => app.log.warn({ offsetMs: r.offsetMs, source: r.server }, `clock is more than ${MAX_CLOCK_OFFSET_MS} ms off the time source: check time synchronisation`),
      onError: (e) => app.log.warn({ err: (e as Error).message }, 'time source check failed'),
    })
  : undefined;
const storageHealth = createStorageHealth({
  db,
  clock,
  warnBelowBytes: config.diskWarnFreeBytes,
  intervalMs: config.dbCheckIntervalMinutes * 60_000,
  onProblem: (problem, detail) => app.log.error({ problem }, `storage: ${detail}`),
  onError: (err) => app.log.error({ err: (err as Error).message }, 'database check failed'),
});
const deps = { db, clock, config, smtp, clockMonitor, storageHealth };
const app = await createApp(deps, { logger: loggerOptions(config.logLevel) });

const lines: string[] = [];
if (fixedNow) {
  const warning = `${FIXED_NOW_ENV} is set: this server's clock started at ${fixedNow}, not the real time. For tests only; never for a clinic's data.`;
  app.log.warn(warning);
  lines.push('', `!!! ${warning}`);
}
if (demo && (await countStaff(db.db)) === 0) {
  const now = clock();
  const today = clinicDate(now.getTime(), 'Asia/Tokyo');
  const creds = await writeTx(deps, async (tx) => {
    const c = await seedDemo(tx, { now, today, secrets: db.secrets });
    // The on-call rota and an open urgent alert with its history (docs/safety.md).
    await seedDemoSafety(tx, { now, today });
    // A LINE channel with fake credentials (nothing goes to LINE), a linked patient, delivered and failed messages (docs/line.md).
    await seedDemoLine(tx, { now, secrets: db.secrets });
    return c;
  });
  lines.push('', '=== Mimamori DEMO clinic (fictitious data; do not enter real patients) ===', 'login id            password          TOTP secret                        current code');
  for (const c of creds) lines.push(`${c.loginId.padEnd(19)} ${c.password.padEnd(17)} ${c.totpSecret.padEnd(34)} ${currentTotp(c.totpSecret, now)}`);
  lines.push('Add a TOTP secret to an authenticator app, or run `npx mimamori totp <secret>` for the current code.');
  lines.push('The demo monitor program tms-depression has run (52 fictitious people screened, its analysis plan locked): sign in as demo.researcher for its outcome report, GET /api/programs/tms-depression/outcome-report.');
} else if ((await countStaff(db.db)) === 0) {
  const link = await writeTx(deps, (tx) => issueCredentialLink(deps, tx, { purpose: 'setup', clinicId: null, staffId: null, createdBy: null }));
  lines.push('', '=== Mimamori first-run setup ===', 'No staff account exists yet. Open this one-time link to create the first administrator', `(valid until ${formatWallClock(Date.parse(link.expiresAt), DEFAULT_CLINIC_ZONE)}):`, '', `  ${link.url}`, '');
}

await app.listen({ port: config.port, host: config.host });
const mailWorker = smtp ? createMailWorker(deps, smtp) : undefined;
mailWorker?.start();
const reminderJob = createReminderJob(deps, { onError: (err) => app.log.error({ err: (err as Error).message }, 'reminder job failed') });
reminderJob.start();
const questionnaireJob = startQuestionnaireJob(deps, { log: (m) => app.log.error(m) });
const auditHeadTo = process.env.AUDIT_HEAD_EMAIL?.trim();
const auditHeadJob = auditHeadTo ? createAuditHeadJob(deps, { to: auditHeadTo, onError: (err) => app.log.error({ err: (err as Error).message }, 'audit head mail failed') }) : undefined;
auditHeadJob?.start();
const alertDispatchJob = createAlertDispatchJob(deps, { onError: (err) => app.log.error({ err: (err as Error).message }, 'alert dispatch job failed') });
alertDispatchJob.start();
const idleStaffJob = createIdleStaffJob(deps, { onError: (err) => app.log.error({ err: (err as Error).message }, 'idle account job failed') });
idleStaffJob.start();
const lineJob = createLineDeliveryJob(deps, { onError: (err) => app.log.error({ err: (err as Error).message }, 'LINE delivery failed') });
lineJob.start();
const saeReminderJob = createSaeReminderJob(deps, { onError: (err) => app.log.error({ err: (err as Error).message }, 'SAE reminder job failed') });
saeReminderJob.start();
clockMonitor?.start();
storageHealth.start();
if (!clockMonitor) lines.push('NTP_SERVER is not set: /api/health does not report the clock offset (set it to the time source this machine synchronises with).');
if (!auditHeadTo) lines.push('AUDIT_HEAD_EMAIL is not set: copy `npx mimamori audit head` out of the database every day (or set it to have the chain heads mailed daily).');
if (!smtp) lines.push('SMTP is not configured (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_FROM): mail waits in the outbox, visible to staff.');
process.stdout.write(
  [
    `Mimamori ${config.version} on ${config.publicUrl}  (database: ${db.dialect} ${db.location})`,
    `API docs: ${config.publicUrl}/api/docs   health: ${config.publicUrl}/api/health`,
    ...lines,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([storageHealth.stop(), questionnaireJob.stop(), alertDispatchJob.stop(), auditHeadJob?.stop(), idleStaffJob.stop(), lineJob.stop(), saeReminderJob.stop(), clockMonitor?.stop(), reminderJob.stop()])
      .then(() => mailWorker?.stop())
      .then(() => app.close())
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
