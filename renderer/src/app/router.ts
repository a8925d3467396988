import { useSyncExternalStore } from 'react';
import { parseReportOptions, reportQuery, type ReportOptions } from '../domain/report-options';

/** The sections inside a plan, in the order the navigation shows them. */
export const PLAN_SECTIONS = [
  { key: 'overview', label: 'Overview' },
  { key: 'roadmap', label: 'Roadmap' },
  { key: 'tight-loose', label: 'Tight & loose' },
  { key: 'decisions', label: 'Decisions' },
  { key: 'schools', label: 'Schools' },
  { key: 'priorities', label: 'Need & readiness' },
  { key: 'waves', label: 'Waves' },
  { key: 'resources', label: 'Resources' },
  { key: 'outcomes', label: 'Vision & outcomes' },
  { key: 'journal', label: 'Journal' },
  { key: 'history', label: 'History' },
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number]['key'];

/** The printable reports of a plan: the board packet, the school briefs, and what changed since approval. */
export const REPORT_KINDS = ['packet', 'briefs', 'changes'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The screens of the app, addressed by the URL hash so reloads and the back button work. */
export type Route =
  | { screen: 'library' }
  | { screen: 'plan'; planId: string; section: PlanSection }
  | { screen: 'report'; planId: string; kind: ReportKind; options: ReportOptions };

export function parseRoute(hash: string): Route {
  const report = /^#\/plans\/([0-9a-f-]{36})\/report\/([^/?]*)\/?(\?.*)?$/i.exec(hash);
  if (report?.[1]) {
    const kind = REPORT_KINDS.find((k) => k === report[2]);
    // A report this version does not know opens the plan, as an unknown section does.
    return kind ? { screen: 'report', planId: report[1], kind, options: parseReportOptions(report[3] ?? '') } : planRoute(report[1]);
  }
  const match = /^#\/plans\/([0-9a-f-]{36})(?:\/([a-z-]+))?\/?$/i.exec(hash);
  if (!match?.[1]) return { screen: 'library' };
  const section = PLAN_SECTIONS.find((s) => s.key === match[2])?.key ?? 'overview';
  return { screen: 'plan', planId: match[1], section };
}

export function routeHref(route: Route): string {
  if (route.screen === 'library') return '#/';
  if (route.screen === 'report') {
    const query = reportQuery(route.options);
    return `#/plans/${route.planId}/report/${route.kind}${query ? `?${query}` : ''}`;
  }
  return route.section === 'overview' ? `#/plans/${route.planId}` : `#/plans/${route.planId}/${route.section}`;
}

/** Where a plan opens: its overview, or a named section. */
export function planRoute(planId: string, section: PlanSection = 'overview'): Route {
  return { screen: 'plan', planId, section };
}

/** A plan's board packet or school briefs, with the options they print with. */
export function reportRoute(planId: string, kind: ReportKind, options: ReportOptions): Route {
  return { screen: 'report', planId, kind, options };
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
