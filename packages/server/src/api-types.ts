// The JSON shapes the API answers with, named for the web app, which may import them with
// `import type` only (ARCHITECTURE.md, "Dependency rules"): one definition, the server's, instead of
// copies kept in step by hand. Nothing here exists at run time. The web type-check reads these files
// (and what they import) without the server's Fastify request augmentation (`auth/auth-plugin.ts`):
// services take the `RequestContext`, whose module names the request fields it reads itself
// (`ContextSource`), so a service file may be named here; a route file may not.
import type { patientCrisisView } from './services/safety/patient-crisis-view.ts';
import type { intakeStatusOf } from './services/intake/staff-intake.ts';

export type { AppointmentView } from './services/scheduling/appointment-view.ts';
export type { ClosedAppointment } from './services/scheduling/closed-appointment.ts';
export type { ClinicFactsView } from './services/clinic/clinic-facts-service.ts';
export type { SetupChecklistView } from './services/clinic/setup-checklist-service.ts';
export type { CrisisContact } from './services/safety/default-crisis-contacts.ts';
export type { PsychiatricEmergencyCentre } from './services/safety/patient-crisis-view.ts';
export type { IssuedLineLinkCode, LineSettingsView, OutboxItem, PatientLineView } from './services/line/line-views.ts';
export type { StorageStatus } from './services/storage-health.ts';
export type { BackupStatusView } from './services/backup-status.ts';
export type { SessionBody } from './services/session-service.ts';
export type { SlotView } from './services/scheduling/availability-service.ts';

/** `GET /api/p/crisis-contacts`: what the crisis panel shows a patient. */
export type PatientCrisisView = Awaited<ReturnType<typeof patientCrisisView>>;
export type {
  ChargeView, ClosingView, DocumentView, PatientAccountView, PendingRefundsView, PriceItemView, PriceListView, RefundView, StatementView,
} from './services/billing/billing-views.ts';

/** One intake as reception and the day list see it (status only): `GET /api/intakes/status`, a patient's intakes. */
export type IntakeStatusView = ReturnType<typeof intakeStatusOf>;

/** One analyte of the clinic's lab catalogue: `GET /api/lab-analytes`. */
export type LabAnalyteView = Awaited<ReturnType<typeof import('./services/programs/lab-record-service.ts').listAnalytes>>[number];
