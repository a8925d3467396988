import { describe, expect, it } from 'vitest';
import { parseRoute, planRoute, reportRoute, routeHref } from '../../../renderer/src/app/router';
import { DEFAULT_REPORT_OPTIONS } from '../../../renderer/src/domain/report-options';

const PLAN = '3f2b8c1e-5d4a-4b6f-9a7e-1c2d3e4f5a6b';
const PHASE = 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001';
const WAVE = 'aaaaaaaa-aaaa-4aaa-8aaa-000000000002';

describe('routes', () => {
  it('reads the library, a plan and a plan section as before', () => {
    expect(parseRoute('')).toEqual({ screen: 'library' });
    expect(parseRoute('#/')).toEqual({ screen: 'library' });
    expect(parseRoute(`#/plans/${PLAN}`)).toEqual(planRoute(PLAN));
    expect(parseRoute(`#/plans/${PLAN}/roadmap`)).toEqual(planRoute(PLAN, 'roadmap'));
    expect(parseRoute(`#/plans/${PLAN}/nowhere`)).toEqual(planRoute(PLAN));
  });

  it('reads the board packet, the school briefs and what changed since approval, with their options', () => {
    expect(parseRoute(`#/plans/${PLAN}/report/packet`)).toEqual(reportRoute(PLAN, 'packet', DEFAULT_REPORT_OPTIONS));
    expect(parseRoute(`#/plans/${PLAN}/report/briefs?wave=${WAVE}`)).toEqual(reportRoute(PLAN, 'briefs', { ...DEFAULT_REPORT_OPTIONS, schools: { kind: 'wave', waveId: WAVE } }));
    expect(parseRoute(`#/plans/${PLAN}/report/packet/?sections=cover,money&phases=${PHASE}`)).toEqual(
      reportRoute(PLAN, 'packet', { sections: ['cover', 'money'], phaseIds: [PHASE], schools: { kind: 'all' }, leaveOutInternal: true }),
    );
    expect(parseRoute(`#/plans/${PLAN}/report/changes`)).toEqual(reportRoute(PLAN, 'changes', DEFAULT_REPORT_OPTIONS));
  });

  it('reads an unknown report as the plan, and a report of no plan as the library', () => {
    expect(parseRoute(`#/plans/${PLAN}/report/poster`)).toEqual(planRoute(PLAN));
    expect(parseRoute('#/plans/not-a-plan/report/packet')).toEqual({ screen: 'library' });
  });

  it('writes every route so that it reads back the same', () => {
    const routes = [
      { screen: 'library' as const },
      planRoute(PLAN),
      planRoute(PLAN, 'waves'),
      reportRoute(PLAN, 'packet', DEFAULT_REPORT_OPTIONS),
      reportRoute(PLAN, 'packet', { sections: ['timeline', 'tight-loose', 'journal'], phaseIds: [PHASE], schools: { kind: 'all' }, leaveOutInternal: false }),
      reportRoute(PLAN, 'changes', DEFAULT_REPORT_OPTIONS),
      reportRoute(PLAN, 'briefs', { ...DEFAULT_REPORT_OPTIONS, schools: { kind: 'chosen', schoolIds: [WAVE, PHASE] } }),
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref(reportRoute(PLAN, 'packet', DEFAULT_REPORT_OPTIONS))).toBe(`#/plans/${PLAN}/report/packet`);
    expect(routeHref(reportRoute(PLAN, 'briefs', { ...DEFAULT_REPORT_OPTIONS, schools: { kind: 'wave', waveId: WAVE } }))).toBe(`#/plans/${PLAN}/report/briefs?wave=${WAVE}`);
  });
});
