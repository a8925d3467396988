import { useSyncExternalStore } from 'react';

/** The screens of the app, addressed by the URL hash so reloads and the back button work. */
export type Route = { screen: 'library' } | { screen: 'plan'; planId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/plans\/([0-9a-f-]{36})\/?$/i.exec(hash);
  return match?.[1] ? { screen: 'plan', planId: match[1] } : { screen: 'library' };
}

export function routeHref(route: Route): string {
  return route.screen === 'plan' ? `#/plans/${route.planId}` : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
