// Signing in as the demo clinic's staff (`npm run demo` / `main.ts --demo` prints their credentials).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { freshTotpCode } from './totp.ts';

/** The password and TOTP secret the demo server printed for `loginId`. */
export function demoLogin(output: string, loginId: string): { password: string; secret: string } {
  const m = new RegExp(`^${loginId.replace('.', '\\.')}\\s+(\\S+)\\s+([A-Z2-7]{16,})\\s+\\d{6}\\s*$`, 'm').exec(output);
  assert.ok(m, `demo credentials for ${loginId} are printed`);
  return { password: m[1]!, secret: m[2]! };
}

/** A signed-in staff API client (cookie + CSRF), for setting the stage. */
export async function apiAs(baseUrl: string, loginId: string, output: string) {
  const { password, secret } = demoLogin(output, loginId);
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ loginId, password, code: await freshTotpCode(secret) }),
  });
  assert.equal(res.status, 200, `login ${loginId}`);
  const cookie = /(__Host-mm_session=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    assert.ok(r.ok, `${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Signs a demo staff member in through the login page (Japanese). */
export async function signIn(page: Page, baseUrl: string, output: string, loginId: string): Promise<void> {
  const { password, secret } = demoLogin(output, loginId);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^ログインID/).fill(loginId);
  await page.getByLabel(/^パスワード/).fill(password);
  await page.getByLabel(/^認証コード/).fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
}
