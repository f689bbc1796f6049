import { useEffect, useState } from 'react';

/**
 * A tiny history-API router (the gateway serves index.html for every non-API path). Routes:
 * /login, /citizen, /catalog, /catalog/:code, /accept/:code, /inbox, /applications/:number,
 * /backoffice.
 */
const NAV_EVENT = 'onewindow:navigate';

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
  window.scrollTo(0, 0);
}

export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function current(): Route {
  return { path: location.pathname, segments: location.pathname.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(location.search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('popstate', update);
    window.addEventListener(NAV_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAV_EVENT, update);
    };
  }, []);
  return route;
}
