/** Base path the server serves the patient pages under. */
export const BASE = '/p';

export interface Match {
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Matches "/q/:token" against a path below BASE. Segments are compared literally; ":name" takes one
 * segment (decoded).
 */
export function matchPath(pattern: string, path: string): Match | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] as string;
    const val = s[i] as string;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(val);
      } catch {
        return null;
      }
    } else if (seg !== val) return null;
  }
  return { params };
}

/** The path below BASE ("/p/q/abc" → "/q/abc"; "/p" → "/"). */
export function localPath(pathname: string): string {
  if (pathname === BASE) return '/';
  return pathname.startsWith(`${BASE}/`) ? pathname.slice(BASE.length) || '/' : pathname;
}

export function navigate(to: string): void {
  window.history.pushState(null, '', BASE + to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
