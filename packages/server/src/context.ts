import type { AppState } from './app-state.ts';
import type { ClockOffsetMonitor } from './services/clock-offset.ts';
import type { StorageHealth } from './services/storage-health.ts';
import type { DbHandle } from '@mimamori/storage';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { SmtpConfig } from './mail/smtp-config.ts';

/** Everything the app needs from outside, passed in (no singletons). */
export interface AppDeps {
  readonly db: DbHandle;
  readonly clock: Clock;
  readonly config: ServerConfig;
  /** Set when SMTP is configured; otherwise mail waits in the outbox, visible to staff. */
  readonly smtp?: SmtpConfig;
  /** Set when `NTP_SERVER` is configured: the last measured offset of this machine's clock. */
  readonly clockMonitor?: Pick<ClockOffsetMonitor, 'latest' | 'lastError'>;
  /** The database's integrity and disk space (`main.ts` starts its periodic check); createApp makes an idle one when absent. */
  readonly storageHealth?: StorageHealth;
  /** What the app keeps between requests (caches, messages, the programs → scheduling tag source): createApp makes it, one per app (`app-state.ts`). */
  readonly state?: AppState;
}
