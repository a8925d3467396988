import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { saveProjectFile } from '../../../../renderer/src/features/share/mspdi-commands';
import type { ShareContext } from '../../../../renderer/src/features/share/share-commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import type { SaveFileRequest } from '../../../../renderer/src/host/host';
import { samplePlan } from '../../domain/plan-fixtures';
import { savedText } from '../../support/saved-text';

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

describe('saveProjectFile', () => {
  it('saves the plan as a Project XML file under a safe name through the host', async () => {
    const bundle = samplePlan({ name: 'Riverside 2027/28: pilot?' });
    const saved: SaveFileRequest[] = [];
    const result = await saveProjectFile(context(bundle, saved), bundle.plan.id);
    expect(result).toEqual({ status: 'saved', location: 'your Downloads folder as Riverside 2027 28 pilot – Project.xml' });
    expect(saved[0]?.filters).toEqual([{ name: 'Microsoft Project XML', extensions: ['xml'] }]);
    const text = savedText(saved[0]);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ isArray: (name) => name === 'Task' }).parse(text) as { Project: { Name: string; Tasks: { Task: unknown[] } } };
    expect(doc.Project.Name).toBe('Riverside 2027/28: pilot?');
    expect(doc.Project.Tasks.Task.length).toBeGreaterThan(bundle.phases.length);
  });

  it('passes on the host’s error, and says when the plan is gone', async () => {
    const bundle = samplePlan();
    await expect(saveProjectFile(context(bundle, [], 'The disk is full.'), bundle.plan.id)).rejects.toThrow('The disk is full.');
    await expect(saveProjectFile(context(bundle, []), 'no-such-plan')).rejects.toThrow('This plan no longer exists.');
  });
});
