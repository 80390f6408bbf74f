// Plain types (no request, no database) so the web app can read them through `api-types.ts`.

/** What the admin chose for the appointments a calendar change closes, and the ones they saw. */
export interface ClosedAppointmentsChoice {
  /** `cancel`: cancelled, each patient sent a notice; `keep`: left booked, marked for reception to move. */
  readonly action: 'cancel' | 'keep';
  readonly ids: ReadonlyArray<string>;
}

/** One appointment a calendar change closes, as the admin reviews it. */
export interface ClosedAppointment {
  readonly id: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly status: string;
  readonly patient: { readonly nameKanji: string; readonly patientNumber: string } | null;
  readonly serviceName: string;
  readonly serviceNameEn: string;
  /** Why the time is closed under the new calendar (the closure's or the override's reason). */
  readonly reason: string;
}
