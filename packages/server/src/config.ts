export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Public base URL used in links (setup, invitations, patient links). */
  readonly publicUrl: string;
  readonly databaseUrl?: string;
  readonly sqlitePath: string;
  readonly version: string;
  /** Staff session limits (minutes); capped at 30 idle / 720 absolute. */
  readonly idleMinutes: number;
  readonly absoluteMinutes: number;
  /** How recent a password + TOTP authentication sensitive actions need (seconds); capped at 300, at least 5. */
  readonly reauthSeconds: number;
  readonly bodyLimitBytes: number;
  /** Requests a minute from one client address before 429 (`RATE_LIMIT_PER_MINUTE`, default 600). */
  readonly rateLimitPerMinute: number;
  /** Serve the built web app from this folder when it exists. */
  readonly webDist?: string;
  readonly logLevel: string;
  /** Below this much free space on the database's filesystem, health says degraded and the log warns (`DISK_WARN_FREE_MB`, default 1024; SQLite only). */
  readonly diskWarnFreeBytes: number;
  /** How often the server checks the database for damage and the disk for space (`DB_CHECK_INTERVAL_MINUTES`, default 360). */
  readonly dbCheckIntervalMinutes: number;
  /** The LINE Messaging API's base URL (`LINE_API_BASE_URL`; default https://api.line.me — tests point it at a local fake). */
  readonly lineApiBaseUrl: string;
}

const IDLE_CAP = 30;
const ABSOLUTE_CAP = 12 * 60;
const REAUTH_CAP_SECONDS = 5 * 60;

function num(v: string | undefined, d: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : d;
}

/** Reads configuration from the environment. Administrators may shorten session limits, never lengthen them. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const port = num(env.PORT, 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.MIMAMORI_DB ?? 'data/mimamori.db',
    version: '0.1.0',
    idleMinutes: Math.min(num(env.SESSION_IDLE_MINUTES, IDLE_CAP), IDLE_CAP),
    absoluteMinutes: Math.min(num(env.SESSION_ABSOLUTE_MINUTES, ABSOLUTE_CAP), ABSOLUTE_CAP),
    reauthSeconds: Math.max(5, Math.min(num(env.REAUTH_SECONDS, REAUTH_CAP_SECONDS), REAUTH_CAP_SECONDS)),
    bodyLimitBytes: 1024 * 1024,
    rateLimitPerMinute: Math.max(1, Math.floor(num(env.RATE_LIMIT_PER_MINUTE, 600))),
    logLevel: env.LOG_LEVEL ?? 'info',
    diskWarnFreeBytes: Math.max(0, num(env.DISK_WARN_FREE_MB, 1024)) * 1024 * 1024,
    dbCheckIntervalMinutes: Math.max(1, num(env.DB_CHECK_INTERVAL_MINUTES, 360)),
    lineApiBaseUrl: (env.LINE_API_BASE_URL || 'https://api.line.me').replace(/\/$/, ''),
    ...overrides,
  };
}
