import { lazy, useEffect, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '../../shared/api/client.ts';
import { Loading } from '../components/page.tsx';
import { InvitePage } from '../features/auth/invite-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { SetupPage } from '../features/auth/setup-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { AlertHistoryPage } from '../features/safety/alert-history-page.tsx';
import { OnCallPage } from '../features/safety/oncall-page.tsx';
import { ForbiddenPage, NotFoundPage } from '../features/placeholder/not-found-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { useSession } from './session.tsx';

/**
 * Feature pages load on first visit, so signing in and the dashboard do not wait for the code of
 * every page (the charts above all). `AppLayout` shows a loading state while a page arrives.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppointmentDetailPage = lazyPage(() => import('../features/appointments/appointment-detail-page.tsx'), 'AppointmentDetailPage');
const AppointmentsPage = lazyPage(() => import('../features/appointments/appointments-page.tsx'), 'AppointmentsPage');
const BookingPage = lazyPage(() => import('../features/appointments/booking-page.tsx'), 'BookingPage');
const SeriesPage = lazyPage(() => import('../features/appointments/series-page.tsx'), 'SeriesPage');
const AuditPage = lazyPage(() => import('../features/audit/audit-page.tsx'), 'AuditPage');
const CalendarAdminPage = lazyPage(() => import('../features/calendar-admin/calendar-admin-page.tsx'), 'CalendarAdminPage');
const PatientDetailPage = lazyPage(() => import('../features/patients/patient-detail-page.tsx'), 'PatientDetailPage');
const PatientEditPage = lazyPage(() => import('../features/patients/patient-edit-page.tsx'), 'PatientEditPage');
const PatientHistoryPage = lazyPage(() => import('../features/patients/patient-history-page.tsx'), 'PatientHistoryPage');
const PatientListPage = lazyPage(() => import('../features/patients/patient-list-page.tsx'), 'PatientListPage');
const PatientNewPage = lazyPage(() => import('../features/patients/patient-new-page.tsx'), 'PatientNewPage');
const ConsentPage = lazyPage(() => import('../features/programs/consent-page.tsx'), 'ConsentPage');
const EnrolmentPage = lazyPage(() => import('../features/programs/enrolment-page.tsx'), 'EnrolmentPage');
const ProgramPage = lazyPage(() => import('../features/programs/program-page.tsx'), 'ProgramPage');
const ProgramsPage = lazyPage(() => import('../features/programs/programs-page.tsx'), 'ProgramsPage');
const PatientTimelinePage = lazyPage(() => import('../features/programs/timeline-page.tsx'), 'PatientTimelinePage');
const PatientScalesPage = lazyPage(() => import('../features/scales/patient-scales-page.tsx'), 'PatientScalesPage');
const ScalesAdminPage = lazyPage(() => import('../features/scales/scales-admin-page.tsx'), 'ScalesAdminPage');
const ScalesHomePage = lazyPage(() => import('../features/scales/scales-home-page.tsx'), 'ScalesHomePage');
const IntakeEditorPage = lazyPage(() => import('../features/intake/intake-editor-page.tsx'), 'IntakeEditorPage');
const IntakeViewPage = lazyPage(() => import('../features/intake/intake-view-page.tsx'), 'IntakeViewPage');
const PatientIntakePage = lazyPage(() => import('../features/intake/patient-intake-page.tsx'), 'PatientIntakePage');
const AnalysisRoutes = lazyPage(() => import('../features/outcome/analysis-routes.tsx'), 'AnalysisRoutes');
const StaffAdminPage = lazyPage(() => import('../features/staff/staff-admin-page.tsx'), 'StaffAdminPage');

/** Staff pages need a session; without one the user goes to login and comes back afterwards. */
function RequireSession({ children }: { readonly children: ReactNode }): ReactNode {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return children;
}

/** A page the role may not open says so, without asking the server for data it would refuse. */
function Allow({ permission, children }: { readonly permission: string; readonly children: ReactNode }): ReactNode {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage permission={permission} />;
}

export function App(): ReactNode {
  const navigate = useNavigate();
  const { forget } = useSession();

  // A 401 from any API call means the session ended (idle, absolute, disabled, logged out elsewhere).
  useEffect(() => {
    setUnauthorizedHandler(() => {
      forget();
      void navigate('/login?expired=1', { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [forget, navigate]);

  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route
          path="patients"
          element={
            <Allow permission="patients:read">
              <PatientListPage />
            </Allow>
          }
        />
        <Route
          path="patients/new"
          element={
            <Allow permission="patients:write">
              <PatientNewPage />
            </Allow>
          }
        />
        <Route
          path="patients/:id"
          element={
            <Allow permission="patients:read">
              <PatientDetailPage />
            </Allow>
          }
        />
        <Route
          path="patients/:id/edit"
          element={
            <Allow permission="patients:write">
              <PatientEditPage />
            </Allow>
          }
        />
        <Route
          path="patients/:id/history"
          element={
            <Allow permission="patients:read">
              <PatientHistoryPage />
            </Allow>
          }
        />
        <Route
          path="staff"
          element={
            <Allow permission="staff:admin">
              <StaffAdminPage />
            </Allow>
          }
        />
        <Route
          path="audit"
          element={
            <Allow permission="audit:read">
              <AuditPage />
            </Allow>
          }
        />
        <Route
          path="appointments"
          element={
            <Allow permission="appointments:read">
              <AppointmentsPage />
            </Allow>
          }
        />
        <Route
          path="appointments/new"
          element={
            <Allow permission="appointments:write">
              <BookingPage />
            </Allow>
          }
        />
        <Route
          path="appointments/series"
          element={
            <Allow permission="appointments:write">
              <SeriesPage />
            </Allow>
          }
        />
        <Route
          path="appointments/:id"
          element={
            <Allow permission="appointments:read">
              <AppointmentDetailPage />
            </Allow>
          }
        />
        <Route
          path="calendar-admin"
          element={
            <Allow permission="scheduling:admin">
              <CalendarAdminPage />
            </Allow>
          }
        />
        <Route
          path="intake"
          element={
            <Allow permission="intake:admin">
              <IntakeEditorPage />
            </Allow>
          }
        />
        <Route
          path="intakes/:id"
          element={
            <Allow permission="intake:read">
              <IntakeViewPage />
            </Allow>
          }
        />
        <Route
          path="patients/:id/intake"
          element={
            <Allow permission="intake:status">
              <PatientIntakePage />
            </Allow>
          }
        />
        <Route
          path="scales"
          element={
            <Allow permission="scales:deliver">
              <ScalesHomePage />
            </Allow>
          }
        />
        <Route
          path="scales/patients/:id"
          element={
            <Allow permission="scales:deliver">
              <PatientScalesPage />
            </Allow>
          }
        />
        <Route path="scales/admin" element={<ScalesAdminPage />} />
        <Route path="oncall" element={<Allow permission="crisis:edit"><OnCallPage /></Allow>} />
        <Route path="alerts/:id" element={<Allow permission="alerts:read"><AlertHistoryPage /></Allow>} />
        <Route path="programs" element={<Allow permission="programs:read"><ProgramsPage /></Allow>} />
        <Route path="programs/:programId" element={<Allow permission="programs:read"><ProgramPage /></Allow>} />
        <Route path="program-enrolments/:id" element={<Allow permission="programs:clinical_read"><EnrolmentPage /></Allow>} />
        <Route path="program-enrolments/:id/consent" element={<Allow permission="programs:consent"><ConsentPage /></Allow>} />
        <Route path="patients/:id/program-timeline" element={<Allow permission="programs:clinical_read"><PatientTimelinePage /></Allow>} />
        <Route path="analysis/*" element={<Allow permission="programs:export"><AnalysisRoutes /></Allow>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
