import { useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '../../shared/api/client.ts';
import { Loading } from '../components/page.tsx';
import { AppointmentDetailPage } from '../features/appointments/appointment-detail-page.tsx';
import { AppointmentsPage } from '../features/appointments/appointments-page.tsx';
import { BookingPage } from '../features/appointments/booking-page.tsx';
import { SeriesPage } from '../features/appointments/series-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { CalendarAdminPage } from '../features/calendar-admin/calendar-admin-page.tsx';
import { InvitePage } from '../features/auth/invite-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { SetupPage } from '../features/auth/setup-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { PatientDetailPage } from '../features/patients/patient-detail-page.tsx';
import { PatientEditPage } from '../features/patients/patient-edit-page.tsx';
import { PatientHistoryPage } from '../features/patients/patient-history-page.tsx';
import { PatientListPage } from '../features/patients/patient-list-page.tsx';
import { PatientNewPage } from '../features/patients/patient-new-page.tsx';
import { ConsentPage } from '../features/programs/consent-page.tsx';
import { EnrolmentPage } from '../features/programs/enrolment-page.tsx';
import { ProgramPage } from '../features/programs/program-page.tsx';
import { ProgramsPage } from '../features/programs/programs-page.tsx';
import { PatientTimelinePage } from '../features/programs/timeline-page.tsx';
import { ForbiddenPage, NotFoundPage } from '../features/placeholder/not-found-page.tsx';
import { PatientScalesPage } from '../features/scales/patient-scales-page.tsx';
import { ScalesAdminPage } from '../features/scales/scales-admin-page.tsx';
import { ScalesHomePage } from '../features/scales/scales-home-page.tsx';
import { IntakeEditorPage } from '../features/intake/intake-editor-page.tsx';
import { IntakeViewPage } from '../features/intake/intake-view-page.tsx';
import { PatientIntakePage } from '../features/intake/patient-intake-page.tsx';
import { StaffAdminPage } from '../features/staff/staff-admin-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { useSession } from './session.tsx';

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
  return can(permission) ? children : <ForbiddenPage />;
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
        <Route path="programs" element={<Allow permission="programs:read"><ProgramsPage /></Allow>} />
        <Route path="programs/:programId" element={<Allow permission="programs:read"><ProgramPage /></Allow>} />
        <Route path="program-enrolments/:id" element={<Allow permission="programs:clinical_read"><EnrolmentPage /></Allow>} />
        <Route path="program-enrolments/:id/consent" element={<Allow permission="programs:consent"><ConsentPage /></Allow>} />
        <Route path="patients/:id/program-timeline" element={<Allow permission="programs:clinical_read"><PatientTimelinePage /></Allow>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
