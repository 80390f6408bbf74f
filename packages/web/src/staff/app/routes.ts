import { lazy, type ComponentType } from 'react';
import type { Permission } from '@mimamori/core/auth/permissions';

/**
 * One signed-in staff page: where it lives, who may open it, and its menu entry if it has one.
 * A new page is its file under `features/<feature>/` plus one row in `STAFF_ROUTES`.
 */
export interface StaffRoute {
  /** Path under the app root, React Router syntax (`patients/:id`). */
  readonly path: string;
  /**
   * The permission the page needs, as the server's `config.access`; a role without it sees the
   * "not allowed" page (with emergency access offered for clinical reads) and no request is made.
   * `authenticated`: any signed-in staff member; the page shows its parts by permission.
   */
  readonly access: Permission | 'authenticated';
  readonly page: ComponentType;
  /** i18n key of the menu label; the menu lists these rows in table order, after Home. */
  readonly nav?: string;
}

/**
 * Pages load on first visit, so signing in and the dashboard do not wait for the code of every page
 * (the charts above all). `AppLayout` shows a loading state while a page arrives.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

/**
 * The signed-in staff pages (the sign-in pages and Home are in `app.tsx`). Grouped by feature in
 * menu order; a row with `nav` is a menu entry. Route matching does not depend on the order.
 * One row a page, one line a row (hence no reformatting).
 */
// prettier-ignore
export const STAFF_ROUTES: readonly StaffRoute[] = [
  // patients
  { path: 'patients', access: 'patients:read', nav: 'nav.patients', page: lazyPage(() => import('../features/patients/patient-list-page.tsx'), 'PatientListPage') },
  { path: 'patients/new', access: 'patients:write', page: lazyPage(() => import('../features/patients/patient-new-page.tsx'), 'PatientNewPage') },
  { path: 'patients/:id', access: 'patients:read', page: lazyPage(() => import('../features/patients/patient-detail-page.tsx'), 'PatientDetailPage') },
  { path: 'patients/:id/edit', access: 'patients:write', page: lazyPage(() => import('../features/patients/patient-edit-page.tsx'), 'PatientEditPage') },
  { path: 'patients/:id/history', access: 'patients:read', page: lazyPage(() => import('../features/patients/patient-history-page.tsx'), 'PatientHistoryPage') },
  // appointments
  { path: 'appointments', access: 'appointments:read', nav: 'nav.appointments', page: lazyPage(() => import('../features/appointments/appointments-page.tsx'), 'AppointmentsPage') },
  { path: 'appointments/new', access: 'appointments:write', page: lazyPage(() => import('../features/appointments/booking-page.tsx'), 'BookingPage') },
  { path: 'appointments/series', access: 'appointments:write', page: lazyPage(() => import('../features/appointments/series-page.tsx'), 'SeriesPage') },
  { path: 'appointments/:id', access: 'appointments:read', page: lazyPage(() => import('../features/appointments/appointment-detail-page.tsx'), 'AppointmentDetailPage') },
  { path: 'calendar-admin', access: 'scheduling:admin', nav: 'nav.calendarAdmin', page: lazyPage(() => import('../features/calendar-admin/calendar-admin-page.tsx'), 'CalendarAdminPage') },
  { path: 'settings/clinic', access: 'scheduling:admin', nav: 'nav.clinicFacts', page: lazyPage(() => import('../features/setup/clinic-facts-page.tsx'), 'ClinicFactsPage') },
  { path: 'settings/resources', access: 'scheduling:admin', nav: 'nav.resources', page: lazyPage(() => import('../features/setup/resources-page.tsx'), 'ResourcesPage') },
  // intake
  { path: 'intake', access: 'intake:admin', nav: 'nav.intake', page: lazyPage(() => import('../features/intake/intake-editor-page.tsx'), 'IntakeEditorPage') },
  { path: 'intakes/:id', access: 'intake:read', page: lazyPage(() => import('../features/intake/intake-view-page.tsx'), 'IntakeViewPage') },
  { path: 'patients/:id/intake', access: 'intake:status', page: lazyPage(() => import('../features/intake/patient-intake-page.tsx'), 'PatientIntakePage') },
  // scales
  { path: 'scales', access: 'scales:deliver', nav: 'nav.scales', page: lazyPage(() => import('../features/scales/scales-home-page.tsx'), 'ScalesHomePage') },
  { path: 'scales/patients/:id', access: 'scales:deliver', page: lazyPage(() => import('../features/scales/patient-scales-page.tsx'), 'PatientScalesPage') },
  // Import (scales:admin) and crisis contacts (crisis:edit) are two sections, each shown by its own permission.
  { path: 'scales/admin', access: 'authenticated', page: lazyPage(() => import('../features/scales/scales-admin-page.tsx'), 'ScalesAdminPage') },
  // programs
  { path: 'programs', access: 'programs:read', nav: 'nav.programs', page: lazyPage(() => import('../features/programs/programs-page.tsx'), 'ProgramsPage') },
  { path: 'programs/lab-analytes', access: 'programs:read', page: lazyPage(() => import('../features/programs/lab-analytes-page.tsx'), 'LabAnalytesPage') },
  { path: 'patients/:id/records', access: 'programs:clinical_read', page: lazyPage(() => import('../features/programs/patient-records-page.tsx'), 'PatientRecordsPage') },
  { path: 'programs/:programId', access: 'programs:read', page: lazyPage(() => import('../features/programs/program-page.tsx'), 'ProgramPage') },
  { path: 'programs/:programId/lots', access: 'programs:read', page: lazyPage(() => import('../features/programs/lots-page.tsx'), 'LotsPage') },
  { path: 'program-enrolments/:id', access: 'programs:clinical_read', page: lazyPage(() => import('../features/programs/enrolment-page.tsx'), 'EnrolmentPage') },
  { path: 'program-enrolments/:id/consent', access: 'programs:consent', page: lazyPage(() => import('../features/programs/consent-page.tsx'), 'ConsentPage') },
  { path: 'patients/:id/program-timeline', access: 'programs:clinical_read', page: lazyPage(() => import('../features/programs/timeline-page.tsx'), 'PatientTimelinePage') },
  { path: 'analysis/*', access: 'programs:export', nav: 'nav.analysis', page: lazyPage(() => import('../features/outcome/analysis-routes.tsx'), 'AnalysisRoutes') },
  // safety
  { path: 'oncall', access: 'crisis:edit', nav: 'nav.oncall', page: lazyPage(() => import('../features/safety/oncall-page.tsx'), 'OnCallPage') },
  { path: 'alerts/:id', access: 'alerts:read', page: lazyPage(() => import('../features/safety/alert-history-page.tsx'), 'AlertHistoryPage') },
  // messages: the outbox (mail and LINE), the LINE setup with test sends, a patient's LINE link
  { path: 'outbox', access: 'outbox:read', nav: 'nav.outbox', page: lazyPage(() => import('../features/outbox/outbox-page.tsx'), 'OutboxPage') },
  { path: 'settings/line', access: 'messaging:admin', page: lazyPage(() => import('../features/line/line-settings-page.tsx'), 'LineSettingsPage') },
  { path: 'patients/:id/line', access: 'line:link', page: lazyPage(() => import('../features/line/patient-line-page.tsx'), 'PatientLinePage') },
  // billing
  { path: 'billing', access: 'billing:read', nav: 'nav.billing', page: lazyPage(() => import('../features/billing/billing-home-page.tsx'), 'BillingHomePage') },
  { path: 'billing/patients/:id', access: 'billing:read', page: lazyPage(() => import('../features/billing/patient-account-page.tsx'), 'PatientAccountPage') },
  { path: 'billing/closing', access: 'billing:read', page: lazyPage(() => import('../features/billing/closing-page.tsx'), 'ClosingPage') },
  { path: 'billing/admin', access: 'billing:admin', page: lazyPage(() => import('../features/billing/billing-admin-page.tsx'), 'BillingAdminPage') },
  // public pages
  { path: 'public-site', access: 'site:edit', nav: 'nav.publicSite', page: lazyPage(() => import('../features/publicsite/public-site-page.tsx'), 'PublicSitePage') },
  { path: 'applications', access: 'recruitment:queue', nav: 'nav.applications', page: lazyPage(() => import('../features/publicsite/application-queue-page.tsx'), 'ApplicationQueuePage') },
  { path: 'public-site/recruitment/:programId', access: 'programs:admin', page: lazyPage(() => import('../features/publicsite/recruitment-editor-page.tsx'), 'RecruitmentEditorPage') },
  // administration
  { path: 'staff', access: 'staff:admin', nav: 'nav.staff', page: lazyPage(() => import('../features/staff/staff-admin-page.tsx'), 'StaffAdminPage') },
  { path: 'audit', access: 'audit:read', nav: 'nav.audit', page: lazyPage(() => import('../features/audit/audit-page.tsx'), 'AuditPage') },
  { path: 'backups', access: 'staff:admin', nav: 'nav.backups', page: lazyPage(() => import('../features/backups/backups-page.tsx'), 'BackupsPage') },
];
