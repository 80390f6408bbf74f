import type { safetyJa } from './safety-ja.ts';

/** English strings of the on-call settings and alert history pages. */
export const safetyEn: typeof safetyJa = {
  oncallTitle: 'On call and alert sending',
  oncallLead: 'An urgent alert goes at once to whoever is on call (position 1, then 2, …); without acknowledgement it goes to the next person after the set time, and finally to the administrators. Put nights and closed days on the rota too.',
  shifts: 'Rota (next 14 days)',
  noShifts: 'Nobody is on call. Urgent alerts in this period go straight to the administrators.',
  who: 'Who',
  from: 'From',
  to: 'To',
  position: 'Position',
  add: 'Add shift',
  remove: 'Remove',
  channels: 'Where alerts are sent (mail)',
  channelHelp: 'When not set, the account\'s mail address is used. Subjects and texts never name the patient or a symptom.',
  save: 'Save',
  escalation: 'Minutes before the next person is called',
  historyTitle: 'Alert history',
  severity: 'Severity',
  created: 'Raised',
  acknowledged: 'Acknowledged',
  open: 'Open',
  channelNames: { mail: 'mail' },
  events: {
    raised: 'Raised', answer: 'Answer as given', answer_changed: 'Answer changed before submitting', severity_raised: 'Severity raised', sent: 'Sent', delivered: 'Delivered',
    delivery_failed: 'Delivery failed', unreachable: 'No channel', escalated: 'Escalated to', exhausted: 'Sent to everyone', acknowledged: 'Acknowledged',
  },
};
