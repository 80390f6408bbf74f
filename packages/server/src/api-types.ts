// The JSON shapes the API answers with, named for the web app, which may import them with
// `import type` only (ARCHITECTURE.md, "Dependency rules"): one definition, the server's, instead of
// copies kept in step by hand. Nothing here exists at run time. Name only types whose files (and
// what they import) never read the Fastify request: the web type-check reads them without the
// server's request augmentation (`auth/auth-plugin.ts`).
import type { patientCrisisView } from './services/safety/patient-crisis-view.ts';

export type { AppointmentView } from './services/scheduling/appointment-view.ts';
export type { ClosedAppointment } from './services/scheduling/closed-appointment.ts';
export type { CrisisContact } from './services/safety/default-crisis-contacts.ts';
export type { PsychiatricEmergencyCentre } from './services/safety/patient-crisis-view.ts';
export type { IssuedLineLinkCode, LineSettingsView, OutboxItem, PatientLineView } from './services/line/line-views.ts';
export type { StorageStatus } from './services/storage-health.ts';

/** `GET /api/p/crisis-contacts`: what the crisis panel shows a patient. */
export type PatientCrisisView = Awaited<ReturnType<typeof patientCrisisView>>;
export type {
  ChargeView, ClosingView, PatientAccountView, PendingRefundsView, PriceItemView, PriceListView, RefundView, StatementView,
} from './services/billing/billing-views.ts';
