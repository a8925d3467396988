import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { saveCalendar, saveCsvTables, type ShareContext } from '../../../../renderer/src/features/share/share-commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import type { SaveFileRequest } from '../../../../renderer/src/host/host';
import { samplePlan, withSchools } from '../../domain/plan-fixtures';
import { savedText } from '../../support/saved-text';

const ALL = { phases: true, milestones: true, gates: true };

function context(bundle: PlanBundle, saved: SaveFileRequest[], fail?: string, cancelAt?: number): ShareContext {
  return {
    store: { loadBundle: (id: string) => Promise.resolve(id === bundle.plan.id ? bundle : undefined) },
    host: {
      saveFile: (request) => {
        if (fail) return Promise.reject(new Error(fail));
        if (saved.length === cancelAt) return Promise.resolve({ status: 'cancelled' });
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
    const events = new ICAL.Component(ICAL.parse(savedText(saved[0]))).getAllSubcomponents('vevent');
    const gates = bundle.phases.filter((p) => p.gate.trim()).length;
    expect(events).toHaveLength(bundle.phases.length + gates + bundle.milestones.length);
  });

  it('passes on the host’s error, and says when the plan is gone', async () => {
    const bundle = samplePlan();
    await expect(saveCalendar(context(bundle, [], 'The disk is full.'), bundle.plan.id, ALL)).rejects.toThrow('The disk is full.');
    await expect(saveCalendar(context(bundle, []), 'no-such-plan', ALL)).rejects.toThrow('This plan no longer exists.');
  });
});

describe('saveCsvTables', () => {
  it('saves one CSV file per chosen table, in the dialog’s order, named for the plan and the table', async () => {
    const bundle = withSchools(samplePlan({ name: 'Riverside 2027/28: pilot?' }));
    const saved: SaveFileRequest[] = [];
    const result = await saveCsvTables(context(bundle, saved), bundle.plan.id, ['allocations', 'schools', 'fundingSources']);
    expect(saved.map((r) => r.suggestedName)).toEqual([
      'Riverside 2027 28 pilot – Schools.csv',
      'Riverside 2027 28 pilot – Funding sources.csv',
      'Riverside 2027 28 pilot – Allocations.csv',
    ]);
    expect(result).toEqual({ status: 'saved', locations: saved.map((r) => `your Downloads folder as ${r.suggestedName}`) });
    for (const request of saved) expect(request.filters).toEqual([{ name: 'Spreadsheet table (CSV)', extensions: ['csv'] }]);
    const schools = Papa.parse<string[]>(savedText(saved[0]).slice(1), { skipEmptyLines: true }).data;
    expect(schools.slice(1).map((r) => r[0])).toEqual(bundle.schools.map((s) => s.name));
  });

  it('saves all six tables when all are chosen', async () => {
    const bundle = samplePlan();
    const saved: SaveFileRequest[] = [];
    await saveCsvTables(context(bundle, saved), bundle.plan.id, ['phases', 'milestones', 'schools', 'waves', 'fundingSources', 'allocations']);
    expect(saved.map((r) => r.suggestedName)).toEqual(['Phases', 'Milestones', 'Schools', 'Waves', 'Funding sources', 'Allocations'].map((t) => `Riverside roadmap – ${t}.csv`));
    for (const request of saved) expect(savedText(request).startsWith('\uFEFF')).toBe(true);
  });

  it('stops when the planner cancels a file, saying which were saved', async () => {
    const bundle = samplePlan();
    const saved: SaveFileRequest[] = [];
    const result = await saveCsvTables(context(bundle, saved, undefined, 1), bundle.plan.id, ['phases', 'milestones', 'schools']);
    expect(saved).toHaveLength(1);
    expect(result).toEqual({ status: 'cancelled', locations: ['your Downloads folder as Riverside roadmap – Phases.csv'] });
  });

  it('passes on the host’s error, and says when the plan is gone', async () => {
    const bundle = samplePlan();
    await expect(saveCsvTables(context(bundle, [], 'The disk is full.'), bundle.plan.id, ['phases'])).rejects.toThrow('The disk is full.');
    await expect(saveCsvTables(context(bundle, []), 'no-such-plan', ['phases'])).rejects.toThrow('This plan no longer exists.');
  });
});
