import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyPage<P> {
  readonly Page: ComponentType<P>;
  /** Starts fetching the page's code (e.g. where a link is about to lead) without drawing it. */
  readonly preload: () => Promise<unknown>;
}

/**
 * A page whose code is its own chunk, fetched the first time it is drawn. The server names the
 * chunk of the address it answers in the HTML (`<link rel="modulepreload">`), so on a first visit
 * the code is already on its way while the entry script runs.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then((c) => (loaded = c));
    return pending;
  };
  function Page(props: P) {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      void preload().then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, []);
    return loaded ? h(loaded, props) : null;
  }
  return { Page, preload };
}
