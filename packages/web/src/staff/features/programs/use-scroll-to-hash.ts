import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Scrolls to the element the URL's hash names once the page's data is there (`ready`). */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.querySelector<HTMLElement>('select, input, textarea')?.focus({ preventScroll: true });
    }
  }, [ready, hash]);
}
