import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { saveCalendar, type ShareContext } from '../../../../renderer/src/features/share/share-commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import type { SaveFileRequest } from '../../../../renderer/src/host/host';
import { samplePlan } from '../../domain/plan-fixtures';

const ALL = { phases: true, milestones: true, gates: true };

function context(bundle: PlanBundle, saved: SaveFileRequest[], fail?: string): ShareContext {
  return {
    store: { loadBundle: (id: string) => Promise.resolve(id === bundle.plan.id ? bundle : undefined) },
    host: {
      saveFile: (request) => {
        if (fail) return Promise.reject(new Error(fail));
        saved.push(request);
        return Promise.resolve({ status: 'saved', location: `your Downloads folder as ${request.suggestedName}` });
      },
    },
    now: () => new Date(Date.UTC(2026, 10, 30, 9)),
  };
}

describe('saveCalendar', () => {
  it('saves the plan’s calendar under a safe name through the host', async () => {
    const bundle = samplePlan({ name: 'Riverside 2027/28: pilot?' });
    const saved: SaveFileRequest[] = [];
    const result = await saveCalendar(context(bundle, saved), bundle.plan.id, ALL);
    expect(result).toEqual({ status: 'saved', location: 'your Downloads folder as Riverside 2027 28 pilot – Calendar.ics' });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.suggestedName).toBe('Riverside 2027 28 pilot – Calendar.ics');
    expect(saved[0]?.filters).toEqual([{ name: 'Calendar', extensions: ['ics'] }]);
    const events = new ICAL.Component(ICAL.parse(saved[0]?.content ?? '')).getAllSubcomponents('vevent');
    const gates = bundle.phases.filter((p) => p.gate.trim()).length;
    expect(events).toHaveLength(bundle.phases.length + gates + bundle.milestones.length);
  });

  it('passes on the host’s error, and says when the plan is gone', async () => {
    const bundle = samplePlan();
    await expect(saveCalendar(context(bundle, [], 'The disk is full.'), bundle.plan.id, ALL)).rejects.toThrow('The disk is full.');
    await expect(saveCalendar(context(bundle, []), 'no-such-plan', ALL)).rejects.toThrow('This plan no longer exists.');
  });
});
