import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { setPosition, setPositionRationale } from '../../../../renderer/src/features/decisions/commands';
import { DECISIONS, type Decision } from '../../../../renderer/src/domain/decisions';
import type { Phase, PlanBundle } from '../../../../renderer/src/domain/schemas';
import { createPlanBundle } from '../../../../renderer/src/domain/templates';
import { useTestStore } from '../../storage/test-store';

let ctx: CommandContext;
let bundle: PlanBundle;

useTestStore(() => createPlanBundle({ name: 'Riverside roadmap', systemName: 'Riverside Unified', templateId: 'pilot-to-scale', today: new Date(2026, 10, 23) }), (made) => {
  ({ ctx, bundle } = made);
});

const decision = (n: number) => DECISIONS.find((d) => d.number === n) as Decision;
const phase = (i: number): Phase => [...bundle.phases].sort((a, b) => a.order - b.order)[i] ?? (() => { throw new Error(`no phase ${i}`); })();
const positionOf = async (n: number, p: Phase) => (await ctx.store.loadBundle(bundle.plan.id))?.positions.find((row) => row.decision === n && row.phaseId === p.id);

describe('decision commands', () => {
  it('sets a position on one decision in one phase, then clears it', async () => {
    const other = (await positionOf(2, phase(1)))?.position ?? null;
    const set = setPosition(bundle.plan.id, decision(2), phase(0), 1);
    expect(set.label).toBe(`Set decision 2 to Leans “Slow and steady” in ${phase(0).name}`);
    expect(set.field).toBeUndefined();
    await set.write(ctx);
    expect((await positionOf(2, phase(0)))?.position).toBe(1);
    expect((await positionOf(2, phase(1)))?.position ?? null).toBe(other);

    const clear = setPosition(bundle.plan.id, decision(2), phase(0), null);
    expect(clear.label).toBe(`Clear decision 2 in ${phase(0).name}`);
    const change = await clear.write(ctx);
    expect((await positionOf(2, phase(0)))?.position).toBeNull();
    await ctx.store.applyChange(change, 'undo');
    expect((await positionOf(2, phase(0)))?.position).toBe(1);
  });

  it('saves the rationale as it is typed, merged by its field, leaving the position alone', async () => {
    await setPosition(bundle.plan.id, decision(1), phase(1), -2).write(ctx);
    const why = setPositionRationale(bundle.plan.id, decision(1), phase(1), 'The board wants one model first.');
    expect(why.label).toBe(`Edit the rationale for decision 1 in ${phase(1).name}`);
    expect(why.field).toBe(`position.${phase(1).id}.1.rationale`);
    await why.write(ctx);
    expect(await positionOf(1, phase(1))).toMatchObject({ position: -2, rationale: 'The board wants one model first.' });
  });
});
