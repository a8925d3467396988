import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../renderer/src/app/commands';
import { keepPositionRationale, setPosition, setPositionRationale, type PositionContext } from '../../../../renderer/src/features/decisions/commands';
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
    expect(set.label).toBe(`Set decision 2 to Leans Gradual rollout in ${phase(0).name}`);
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

  it('saves an edited rationale as the planner’s own', async () => {
    expect((await positionOf(3, phase(0)))?.rationaleOrigin).toBe('template');
    await setPositionRationale(bundle.plan.id, decision(3), phase(0), 'Pilot in two high-need schools.').write(ctx);
    expect((await positionOf(3, phase(0)))?.rationaleOrigin).toBe('planner');
  });
});

const contextOf = async (n: number): Promise<PositionContext> => {
  const now = await ctx.store.loadBundle(bundle.plan.id);
  return {
    phaseIds: [...(now?.phases ?? [])].sort((a, b) => a.order - b.order).map((p) => p.id),
    positions: now?.positions.filter((p) => p.decision === n) ?? [],
  };
};

describe('template rationales on decisions', () => {
  it('flags the template rationale when the position changes, undone in one step', async () => {
    // "Pilot where schools are ready": the pilot leans toward readiness (+1).
    expect((await positionOf(3, phase(0)))?.rationale).toMatch(/Pilot where schools are ready/);
    const change = await setPosition(bundle.plan.id, decision(3), phase(0), -2, await contextOf(3)).write(ctx);
    expect(await positionOf(3, phase(0))).toMatchObject({ position: -2, rationaleOrigin: 'template-review' });
    await ctx.store.applyChange(change, 'undo');
    expect(await positionOf(3, phase(0))).toMatchObject({ position: 1, rationaleOrigin: 'template' });
  });

  it('flags the rationale written once on the first phase when a later phase moves', async () => {
    await setPosition(bundle.plan.id, decision(3), phase(2), 1, await contextOf(3)).write(ctx);
    expect((await positionOf(3, phase(2)))?.position).toBe(1);
    expect((await positionOf(3, phase(0)))).toMatchObject({ position: 1, rationaleOrigin: 'template-review' });
  });

  it('flags nothing when the position stays, or the words are the planner’s', async () => {
    await setPosition(bundle.plan.id, decision(3), phase(0), 1, await contextOf(3)).write(ctx);
    expect((await positionOf(3, phase(0)))?.rationaleOrigin).toBe('template');
    await setPositionRationale(bundle.plan.id, decision(2), phase(0), 'Our own words.').write(ctx);
    await setPosition(bundle.plan.id, decision(2), phase(0), -2, await contextOf(2)).write(ctx);
    expect((await positionOf(2, phase(0)))?.rationaleOrigin).toBe('planner');
  });

  it('"Keep as is" clears the flag and keeps the words', async () => {
    await setPosition(bundle.plan.id, decision(3), phase(0), -1, await contextOf(3)).write(ctx);
    const keep = keepPositionRationale(bundle.plan.id, decision(3), phase(0));
    expect(keep.label).toBe(`Keep the rationale for decision 3 in ${phase(0).name}`);
    await keep.write(ctx);
    expect(await positionOf(3, phase(0))).toMatchObject({ position: -1, rationaleOrigin: 'template' });
    expect((await positionOf(3, phase(0)))?.rationale).toMatch(/Pilot where schools are ready/);
  });
});
