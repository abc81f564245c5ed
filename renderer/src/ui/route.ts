import { useEffect, useState } from 'react';

/**
 * Where the user is, kept in the URL hash (`#/library/case/ibm-watson`) so that reloads, the
 * back button and E2E tests can land on any screen.
 */
export type Screen = 'library' | 'maps' | 'decisions' | 'present';
export interface Route {
  screen: Screen;
  /** The rest of the path, e.g. an entity id on the library screen. */
  rest: string;
  /** After a `?`: `#/present/pitch?session=…&view=audience`. */
  query: URLSearchParams;
}

const SCREENS: readonly Screen[] = ['library', 'maps', 'decisions', 'present'];

export function parseHash(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const path = decodeURIComponent(pathPart);
  const [first = '', ...rest] = path.split('/');
  const screen = (SCREENS as readonly string[]).includes(first) ? (first as Screen) : 'library';
  return { screen, rest: rest.join('/'), query: new URLSearchParams(queryPart) };
}

export function routeHref(screen: Screen, rest = ''): string {
  return `#/${screen}${rest ? `/${rest.split('/').map(encodeURIComponent).join('/')}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(screen: Screen, rest = ''): void {
  window.location.hash = routeHref(screen, rest);
}
