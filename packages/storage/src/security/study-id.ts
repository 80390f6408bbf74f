import { createHmac, hkdfSync } from 'node:crypto';

/**
 * A participant's study id in one program: HMAC-SHA-256 of the program and patient ids under a key
 * derived (HKDF) from the clinic's key file, shortened to 16 hex digits with an `S` prefix. The same
 * patient has the same id in every data cut of the program and different ids in different programs;
 * without the clinic's key nobody can link an id to a patient, nor compute one from a patient id.
 */
export function studyIdFor(masterKey: Buffer, programId: string, patientId: string): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'mimamori study id v1', 32));
  return `S${createHmac('sha256', key).update(`${programId}\u0000${patientId}`).digest('hex').slice(0, 16)}`;
}
