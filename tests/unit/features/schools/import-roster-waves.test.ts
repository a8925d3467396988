import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { newId } from '../../../../renderer/src/domain/ids';
import type { ImportSchool } from '../../../../renderer/src/domain/roster-import';
import type { PlanBundle } from '../../../../renderer/src/domain/schemas';
import { importRoster } from '../../../../renderer/src/features/schools/commands';
import { samplePlan, withSchools } from '../../domain/plan-fixtures';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => withSchools(samplePlan()), (made) => {
  ({ ctx, bundle } = made);
});

const load = async () => (await ctx.store.loadBundle(bundle.plan.id)) as PlanBundle;
const row = (name: string, code: string, waveId: string | null): ImportSchool => ({ name, code, gradeBand: '', students: 300, frlPercent: null, values: {}, waveId });
const waveOf = async (name: string) => (await load()).schools.find((s) => s.name === name)?.waveId;

describe('importRoster with a Wave column', () => {
  it('puts a school in the wave its row names, keeps the wave of a row without one, and undoes in one step', async () => {
    const [wave1, wave2] = bundle.waves;
    if (!wave1 || !wave2) throw new Error('the fixture has two waves');
    const result = await importRoster(bundle.plan.id, [row('Adams Elementary', 'R-100', wave2.id), row('Baker Middle', 'R-101', null), row('Dunmore Academy', 'R-900', wave1.id)], []).write(ctx);
    expect([await waveOf('Adams Elementary'), await waveOf('Baker Middle'), await waveOf('Dunmore Academy')]).toEqual([wave2.id, wave2.id, wave1.id]);
    await ctx.store.applyChange(result.change, 'undo');
    expect([await waveOf('Adams Elementary'), await waveOf('Dunmore Academy')]).toEqual([wave1.id, undefined]);
  });

  it('leaves a school in no new wave when the wave named was deleted after the roster was checked', async () => {
    await importRoster(bundle.plan.id, [row('Cedar High', 'R-102', newId()), row('Elm Street School', 'R-901', newId())], []).write(ctx);
    expect([await waveOf('Cedar High'), await waveOf('Elm Street School')]).toEqual([null, null]);
  });
});
