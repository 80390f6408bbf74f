import { useState } from 'react';

/**
 * Reads `?token=` once and removes it from the address bar, so the one-time token does not stay in
 * the history or get shared in a screenshot.
 */
export function useUrlToken(): string {
  const [token] = useState(() => {
    const url = new URL(window.location.href);
    const value = url.searchParams.get('token') ?? '';
    if (value) {
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
    return value;
  });
  return token;
}
