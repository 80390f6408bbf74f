import { toApiError } from './api-error.ts';

export type Language = 'ja' | 'en';

// Module state, in memory only: the CSRF token is never written to storage.
let csrfToken: string | null = null;
let language: Language = 'ja';
let onUnauthorized: ((path: string) => void) | null = null;
let onActivity: ((serverNow: number | null) => void) | null = null;
let onReauthRequired: (() => Promise<boolean>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: Language): void {
  language = lang;
}

/** Called when any API call (other than the login flow itself) answers 401. */
export function setUnauthorizedHandler(handler: ((path: string) => void) | null): void {
  onUnauthorized = handler;
}

/**
 * Called when a sensitive action answers `reauth_required`: it asks the user for password and code
 * again (`POST /api/auth/reauth`) and resolves true once a fresh session (and CSRF token) is in
 * place; the request is then sent once more. Resolves false when the user cancels.
 */
export function setReauthHandler(handler: (() => Promise<boolean>) | null): void {
  onReauthRequired = handler;
}

/** Called after every successful API answer: the server's idle timer restarted. */
export function setActivityHandler(handler: ((serverNow: number | null) => void) | null): void {
  onActivity = handler;
}

const NETWORK_MESSAGE: Record<Language, string> = {
  ja: 'サーバーに接続できません。ネットワークを確認してください。',
  en: 'Cannot reach the server. Check the network connection.',
};

// 401 on these means "wrong credentials" or "no session yet", not "session ended".
const AUTH_PATHS = ['/api/auth/login', '/api/auth/session', '/api/auth/status', '/api/auth/totp/enrol', '/api/auth/reauth', '/api/setup', '/api/invitations'];

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key` on bookings). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One JSON request to our own API, with the language, CSRF header and error shape handled. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options, 'application/json');
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Downloads a file our API produces (a CSV export) through the same checks as `api` — language,
 * errors, re-authentication — and hands it to the browser as a download.
 */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, {}, '*/*');
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function send(path: string, options: RequestOptions, accept: string, retried = false): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, Accept: accept, 'Accept-Language': language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw toApiError(0, null, null, NETWORK_MESSAGE[language]);
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    const error = toApiError(res.status, body, res.headers.get('Retry-After'), `${res.status} ${res.statusText}`);
    if (res.status === 401 && !AUTH_PATHS.some((p) => path.startsWith(p)) && onUnauthorized) onUnauthorized(path);
    if (error.code === 'reauth_required' && !retried && onReauthRequired && (await onReauthRequired())) return send(path, options, accept, true);
    throw error;
  }
  const date = res.headers.get('Date');
  onActivity?.(date ? Date.parse(date) : null);
  return res;
}

/** Builds `?a=1&b=2` from the non-empty values. */
export function query(params: Readonly<Record<string, string | number | null | undefined>>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
