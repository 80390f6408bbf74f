import { createMessages, type Messages } from './i18n/messages.ts';
import { createSchedulingState, type PatientTagSource, type SchedulingState } from './services/scheduling/scheduling-state.ts';

/**
 * What an app keeps between requests. `createApp` makes one per app and puts it on the deps it
 * hands to routes and services (and on the Fastify instance, for the error handler): no module of
 * the server holds state, so two apps in one process (tests, a second clinic) share none of it.
 */
export interface AppState {
  /** The foundation's messages and every feature's catalogue, added once by the feature's register function. */
  readonly messages: Messages;
  /** Availability and configuration caches, and the programs feature's patient tags. */
  readonly scheduling: SchedulingState;
}

export function createAppState(o: { readonly patientTags?: PatientTagSource } = {}): AppState {
  return { messages: createMessages(), scheduling: createSchedulingState({ patientTags: o.patientTags }) };
}

/**
 * The app's state, from deps that `createApp` made. Deps built by hand (tests calling a service,
 * background jobs) have none and get a fresh one: nothing cached across calls, no program tags,
 * the foundation's messages only.
 */
export function appState(deps: { readonly state?: AppState }): AppState {
  return deps.state ?? createAppState();
}
