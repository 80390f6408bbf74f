import type { applicationsJa, publicsiteJa, recruitmentJa } from './publicsite-ja.ts';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English strings of the public-page and recruitment-page editors. */
export const publicsiteEn: Shape<typeof publicsiteJa> = {
  title: 'Public pages',
  lead: 'The texts of the clinic page patients see without signing in (/p/). Hours, closures, phone and address come from the scheduling settings and are not typed here. Each save is a new version, recorded in the audit log.',
  open: 'Open the public page',
  hoursFrom: 'Opening hours and closures',
  texts: 'Texts',
  startFromExample: 'Start from the example',
  field: {
    clinicName: 'Clinic name', tagline: 'Specialties, one line', treats: 'What we treat', access: 'Access', mapUrl: 'Map link (https://)', firstVisit: 'First visit (booked by phone)',
    revisit: 'Follow-up visits (booked online)', webIntake: 'About the web questionnaire', fees: 'Self-pay fees (tax included)', privacy: 'Privacy policy', notice: 'Notice (shown at the top)',
  },
  mapHint: 'Leave empty for no map link.',
  save: 'Save and publish',
  saved: 'Saved as version {{version}}.',
  history: 'Versions',
  noHistory: 'Nothing saved yet.',
  version: 'Version {{version}}',
  recruitment: 'Recruitment pages of the programs',
  recruitmentLead: 'A page cannot be published until it states every item the Medical Advertising Guideline requires.',
  published: 'published',
  draft: 'draft',
  none: 'not written',
};

/** English strings of the recruitment editor. */
export const recruitmentEn: Shape<typeof recruitmentJa> = {
  title: 'Edit a recruitment page',
  back: 'Back to the public pages',
  lead: 'A recruitment page for self-pay or unapproved treatment cannot be published until every item below is stated in Japanese and English. Testimonials, before/after claims, promised effects and price-led headlines are warned.',
  isPublished: 'Version {{version}} is published.',
  notPublished: 'Not published.',
  open: 'Open the published page',
  check: 'Medical Advertising Guideline check',
  allStated: 'Every required item is stated.',
  missingLead: '{{count}} item(s) required for publication are missing.',
  warnings: 'Wording warnings',
  content: 'Page content',
  unapproved: 'Uses an unapproved product (or one outside its approval)',
  required: 'Required for publication.',
  field: {
    title: 'Headline', summary: 'Who it is for, in short', treatment: 'The treatment', totalCostYen: 'Total cost (yen, tax included)', costIncludes: 'What the cost includes and excludes', risks: 'Main risks and side effects',
    contact: 'Contact', unapprovedStatement: 'That it is unapproved in Japan', procurement: 'How the clinic obtains it', alternatives: 'Approved alternatives in Japan', foreignSafety: 'Safety information from abroad',
    reliefSystem: 'Not covered by the relief system for adverse drug reactions', body: 'Anything else',
  },
  saveDraft: 'Save draft',
  publish: 'Publish',
  withdraw: 'Unpublish',
  saved: 'Saved version {{version}}.',
};

/** English strings of the application queue. */
export const applicationsEn: Shape<typeof applicationsJa> = {
  title: 'Recruitment applications',
  lead: 'Applications sent from the recruitment pages, oldest first. Call back, then book the screening visit (a first visit) with “Book a first visit”: the appointment is recorded on the application (booked another way, e.g. by phone, mark it “Screening visit booked”). The main complaint is shown to doctors and nurses only.',
  showAll: 'Also show done and declined',
  none: 'No applications waiting.',
  age: ' (age {{age}})',
  visit: 'Screening visit (first visit)',
  linked: 'This appointment is recorded as the application’s screening visit.',
  phone: 'Phone', email: 'E-mail', callTimes: 'When to call', guardian: 'Guardian', complaint: 'Main complaint', complaintHint: '', complaintHidden: '(shown to doctors and nurses)',
  callbackAt: 'Call-back time (optional)',
  callbackSent: 'The message to the applicant is queued.',
  noChannel: 'The applicant has no email address and no LINE link, so no message was sent (the outbox lists it as "No channel"). Tell them by phone.',
  callbackHint: 'Pressing "Called back" tells the applicant by email (by LINE once a linked patient). Left empty, it says we have called. It never names the condition or the program.',
  contacted: 'Called back', book: 'Book a first visit', booked: 'Screening visit booked', decline: 'Decline',
  flow: 'Flow by program', program: 'Program',
  status: { new: 'new', contacted: 'called back', screening_booked: 'screening visit booked', declined: 'declined' },
};
