import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '@mimamori/core';
import { isCommonPassword } from './common-passwords.ts';

// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same work as a real check, so an unknown login id answers in the same time. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}

/** Length 8–128, any characters, no composition rules, not a common password (MFA is always on). */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  const fail = (key: string): never => {
    throw new DomainError('validation', { key: 'validation', issues: [{ path: 'password', key: key }] });
  };
  if (length < 8) fail('password_too_short');
  if (length > 128) fail('password_too_long');
  if (isCommonPassword(password)) fail('password_common');
}
