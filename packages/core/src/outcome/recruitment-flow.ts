/**
 * The recruitment stages before a program's screening, counted from the applications sent from its
 * recruitment page (`packages/core/src/publicsite/check-application.ts`): counts only, never an
 * applicant's data, so they can travel in a data cut's manifest.
 */
export interface CutRecruitment {
  /** Applications received (every stored application; automated senders are never stored). */
  readonly applied: number;
  /** Reached by staff: called back, or booked straight away (a booking needs a call). */
  readonly contacted: number;
  /** A screening visit (a first visit) was booked, including those who declined after booking. */
  readonly screeningBooked: number;
  /** Still in the queue at the cut, by their step. */
  readonly open: { readonly new: number; readonly contacted: number };
  /**
   * Did not go on (marked declined), by what the queue recorded: before a visit was booked (the
   * queue does not record whether they had been reached), or after the booking.
   */
  readonly declined: { readonly beforeVisit: number; readonly afterBooking: number };
}

/** One application as the flow needs it: its status and whether a screening visit was named on it. */
export interface RecruitmentApplicationState {
  readonly status: string;
  readonly appointmentBooked: boolean;
}

/**
 * Counts the recruitment stages of a program's applications (statuses `new`, `contacted`,
 * `screening_booked`, `declined`; an unknown status counts as applied only).
 *
 * @example
 * recruitmentFlow([{ status: 'new', appointmentBooked: false }, { status: 'screening_booked', appointmentBooked: true }]);
 * // { applied: 2, contacted: 1, screeningBooked: 1, open: { new: 1, contacted: 0 }, declined: { beforeVisit: 0, afterBooking: 0 } }
 */
export function recruitmentFlow(applications: ReadonlyArray<RecruitmentApplicationState>): CutRecruitment {
  let fresh = 0;
  let called = 0;
  let booked = 0;
  let declinedBefore = 0;
  let declinedAfter = 0;
  for (const a of applications) {
    if (a.status === 'new') fresh++;
    else if (a.status === 'contacted') called++;
    else if (a.status === 'screening_booked') booked++;
    else if (a.status === 'declined') {
      if (a.appointmentBooked) declinedAfter++;
      else declinedBefore++;
    }
  }
  const screeningBooked = booked + declinedAfter;
  return {
    applied: applications.length,
    contacted: called + screeningBooked,
    screeningBooked,
    open: { new: fresh, contacted: called },
    declined: { beforeVisit: declinedBefore, afterBooking: declinedAfter },
  };
}
