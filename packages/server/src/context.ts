import type { DbHandle } from '@mimamori/storage';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';

/** Everything the app needs from outside, passed in (no singletons). */
export interface AppDeps {
  readonly db: DbHandle;
  readonly clock: Clock;
  readonly config: ServerConfig;
}
