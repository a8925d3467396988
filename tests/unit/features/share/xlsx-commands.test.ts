import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { saveWorkbook } from '../../../../renderer/src/features/share/xlsx-commands';
import type { ShareContext } from '../../../../renderer/src/features/share/share-commands';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import type { SaveFileRequest } from '../../../../renderer/src/host/host';
import { samplePlan, withSchools } from '../../domain/plan-fixtures';

function context(bundle: PlanBundle, saved: SaveFileRequest[], cancel = false): ShareContext {
  return {
    store: { loadBundle: (id: string) => Promise.resolve(id === bundle.plan.id ? bundle : undefined) },
    host: {
      saveFile: (request) => {
        if (cancel) return Promise.resolve({ status: 'cancelled' });
        saved.push(request);
        return Promise.resolve({ status: 'saved', location: `your Downloads folder as ${request.suggestedName}` });
      },
    },
    now: () => new Date(Date.UTC(2026, 10, 30, 9)),
  };
}

describe('saveWorkbook', () => {
  it('saves the plan as one workbook of bytes under a safe name through the host', async () => {
    const bundle = withSchools(samplePlan({ name: 'Riverside 2027/28: pilot?' }));
    const saved: SaveFileRequest[] = [];
    const result = await saveWorkbook(context(bundle, saved), bundle.plan.id);
    expect(result).toEqual({ status: 'saved', location: 'your Downloads folder as Riverside 2027 28 pilot – Spreadsheet.xlsx' });
    const [request] = saved;
    expect(request?.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
    expect(request?.content).toBeInstanceOf(Uint8Array);
    const sheets = await readXlsxFile(Buffer.from(request?.content as Uint8Array));
    expect(sheets.map((s) => s.sheet)).toContain('Schools');
  });

  it('says when the planner cancels, and when the plan is gone', async () => {
    const bundle = samplePlan();
    expect(await saveWorkbook(context(bundle, [], true), bundle.plan.id)).toEqual({ status: 'cancelled' });
    await expect(saveWorkbook(context(bundle, []), 'not-a-plan')).rejects.toThrow('This plan no longer exists.');
  });
});
