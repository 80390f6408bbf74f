import { SMTPServer } from 'smtp-server';
import { smtpConfigFrom, type SmtpConfig } from '../src/mail/smtp-config.ts';

export interface ReceivedMail {
  readonly to: string[];
  readonly raw: string;
}

export interface TestSmtp {
  readonly port: number;
  /** Every message accepted, in order. */
  readonly received: ReceivedMail[];
  /** While `on`, every message is refused with 451 (a temporary failure), as a full mailbox would be. */
  readonly refuse: { on: boolean };
  /** The app's SMTP settings pointing at this server (no TLS: it is 127.0.0.1). */
  readonly config: (from?: string) => SmtpConfig;
  readonly close: () => Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a free port, for tests of mail delivery. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refuse = { on: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        if (refuse.on) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 451 }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    refuse,
    config: (from = 'clinic@example.test') => smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_TLS: 'off', SMTP_FROM: from })!,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
