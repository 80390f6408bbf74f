/** What a masked secret looks like in the outbox view. */
export const MASK = '••••••';

/** The token of a patient link (`/p/l/<token>`), and one-time codes after their label. */
const PATIENT_LINK_TOKEN = /(\/p\/l\/)[A-Za-z0-9_-]+/g;
const ONE_TIME_CODE = /((?:確認コード|コード|code)\s*[:：]\s*)\d{4,10}/gi;

/**
 * The text of an outgoing message as staff see it in the outbox: patient-link tokens and one-time
 * sign-in codes are masked for every role, so that reading the outbox never lets a staff member
 * open a patient's questionnaire, intake or appointments as the patient. Only the view is masked:
 * the mail worker sends the stored text unchanged.
 *
 * @example maskMailSecrets('確認コード: 123456') // '確認コード: ••••••'
 */
export function maskMailSecrets(text: string): string {
  return text.replace(PATIENT_LINK_TOKEN, `$1${MASK}`).replace(ONE_TIME_CODE, `$1${MASK}`);
}
