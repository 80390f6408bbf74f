import type { outboxJa } from './outbox-ja.ts';

/** English strings of the outbox and LINE setup pages. */
export const outboxEn: typeof outboxJa = {
  title: 'Outgoing messages',
  lead: 'Mail and LINE messages to patients and staff and how they went. Check why a message failed and resend it.',
  smtpMissing: 'Mail sending (SMTP) is not set up, so mail waits here.',
  lineOff: 'LINE is not set up (mail only).',
  filterStatus: 'Status',
  filterChannel: 'Channel',
  all: 'All',
  statuses: { pending: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
  channels: { mail: 'Mail', line: 'LINE' },
  created: 'Created',
  channel: 'Channel',
  to: 'To',
  subject: 'Subject / kind',
  status: 'Status',
  attempts: 'Tries',
  reason: 'Why it failed',
  sentAt: 'Sent',
  nextAttempt: 'Next try',
  resend: 'Resend',
  resent: 'Queued to send again.',
  fallback: 'Sent by mail instead of LINE',
  empty: 'No outgoing messages.',
  showBody: 'Text',
  settingsLink: 'LINE and test sends',
};
