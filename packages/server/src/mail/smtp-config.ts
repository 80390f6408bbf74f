/** SMTP settings from the environment; undefined when none are set (mail then waits in the outbox). */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  readonly pass?: string;
  readonly from: string;
  /** `require` (default): STARTTLS with certificate checks, or implicit TLS on 465; `off` only for a relay on localhost. */
  readonly tls: 'require' | 'implicit' | 'off';
}

export function smtpConfigFrom(env: Readonly<Record<string, string | undefined>>): SmtpConfig | undefined {
  if (!env.SMTP_HOST) return undefined;
  const port = Number(env.SMTP_PORT ?? 587);
  const tls = env.SMTP_TLS === 'off' ? 'off' : port === 465 || env.SMTP_TLS === 'implicit' ? 'implicit' : 'require';
  if (tls === 'off' && !/^(127\.|localhost$|::1$)/.test(env.SMTP_HOST)) {
    throw new Error('SMTP_TLS=off is only allowed for a relay on this machine (127.0.0.1 / localhost)');
  }
  return { host: env.SMTP_HOST, port, user: env.SMTP_USER, pass: env.SMTP_PASS, from: env.SMTP_FROM ?? `no-reply@${env.SMTP_HOST}`, tls };
}
