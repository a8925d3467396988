import { describe, expect, it } from 'vitest';
import { withoutStored, type PendingEntries } from '../../../../renderer/src/components/use-pending-values';
import { cellStored, pendingKey, storedCellsOf, withPendingCells, withPendingTotals, type PendingCell, type PendingCells } from '../../../../renderer/src/features/resources/pending-cells';
import { gridCells, type GridCell } from '../../../../renderer/src/domain/resource-rules';
import type { AllocationRow } from '../../../../renderer/src/domain/schemas';

const cell = (amount: number, lines: { ongoing?: number; oneTime?: number; flexible?: number } = {}): GridCell => {
  const ongoing = lines.ongoing ?? 0;
  const oneTime = lines.oneTime ?? (ongoing === 0 ? 1 : 0);
  return { amount, lineIds: Array.from({ length: ongoing + oneTime }, (_, i) => `l${i}`), ongoing, oneTime, flexible: lines.flexible ?? 0 };
};

describe('pending cells', () => {
  const stored = new Map<string, GridCell>([['central|p1', cell(100_00)]]);

  it('shows typed amounts over the stored ones, for the kind on show only', () => {
    const pending: PendingCells = new Map([
      [pendingKey('money', 'central|p1'), { kind: 'money', lineId: 'line1', amount: 250_00, recurrence: 'one-time' }],
      [pendingKey('money', 'wave:w1|p1'), { kind: 'money', lineId: 'line2', amount: 80_00, recurrence: 'ongoing' }],
      [pendingKey('devices', 'central|p1'), { kind: 'devices', lineId: 'line3', amount: 5, recurrence: 'one-time' }],
    ]);
    const shown = withPendingCells(stored, pending, 'money');
    expect(shown.get('central|p1')?.amount).toBe(250_00);
    // A new cell shows the id its new line takes, so a second edit before storage answers finds that line.
    expect(shown.get('wave:w1|p1')).toMatchObject({ amount: 80_00, ongoing: 1, oneTime: 0, lineIds: ['line2'] });
    expect(stored.get('central|p1')?.amount).toBe(100_00);
    expect(withPendingCells(stored, new Map(), 'money')).toBe(stored);
  });

  it('hides a cell being cleared', () => {
    const pending: PendingCells = new Map([[pendingKey('money', 'central|p1'), { kind: 'money', lineId: 'line4', amount: null, recurrence: 'one-time' }]]);
    expect(withPendingCells(stored, pending, 'money').has('central|p1')).toBe(false);
  });

  it('moves the row and phase totals with typed amounts, counting ongoing money once a school year', () => {
    const years = new Map([['p1', 2]]);
    const withWave = new Map<string, GridCell>([...stored, ['wave:w1|p1', cell(30_00, { ongoing: 1 })]]);
    const totals = { byRow: new Map([['central', 100_00], ['wave:w1', 60_00]]), byPhase: new Map([['p1', 160_00]]), total: 160_00 };
    const pending: PendingCells = new Map([
      [pendingKey('money', 'central|p1'), { kind: 'money', lineId: 'line5', amount: 250_00, recurrence: 'ongoing' }],
      [pendingKey('money', 'wave:w1|p1'), { kind: 'money', lineId: 'line6', amount: 40_00, recurrence: 'one-time' }],
      [pendingKey('money', 'school:s1|p1'), { kind: 'money', lineId: 'line7', amount: 5_00, recurrence: 'ongoing' }],
      [pendingKey('devices', 'central|p1'), { kind: 'devices', lineId: 'line8', amount: 9, recurrence: 'one-time' }],
    ]);
    const shown = withPendingTotals(totals, withWave, pending, 'money', years);
    // The central line stays one-time as stored; the wave's stays ongoing (×2); the new school line is ongoing as typed (×2).
    expect(Object.fromEntries(shown.byRow)).toEqual({ central: 250_00, 'wave:w1': 80_00, 'school:s1': 10_00 });
    expect(shown.byPhase.get('p1')).toBe(340_00);
    expect(shown.total).toBe(340_00);
    expect(totals.total).toBe(160_00);
    expect(withPendingTotals(totals, withWave, new Map(), 'money', years)).toBe(totals);
  });

  it('moves the totals once per school for a typed amount on a line that goes to each school of a wave', () => {
    const years = new Map([['p1', 1]]);
    const withWave = new Map<string, GridCell>([['wave:w1|p1', { ...cell(10_00), perSchool: 1 }]]);
    const totals = { byRow: new Map([['wave:w1', 50_00]]), byPhase: new Map([['p1', 50_00]]), total: 50_00 };
    const pending: PendingCells = new Map([[pendingKey('money', 'wave:w1|p1'), { kind: 'money', lineId: 'l0', amount: 20_00, recurrence: 'one-time' }]]);
    const shown = withPendingTotals(totals, withWave, pending, 'money', years, { w1: 5 });
    expect(shown.byRow.get('wave:w1')).toBe(100_00);
    expect(shown.total).toBe(100_00);
  });

  it('lets go of amounts once storage has them, keeping the same map when none settled', () => {
    // As usePendingValues holds them once their writes are done.
    const written = (cells: PendingCells): PendingEntries<PendingCell> => new Map([...cells].map(([key, value]) => [key, { value, written: true }]));
    const waiting = written(new Map([[pendingKey('money', 'central|p1'), { kind: 'money', lineId: 'line9', amount: 250_00, recurrence: 'one-time' }]]));
    expect(withoutStored(waiting, cellStored(() => stored))).toBe(waiting);
    const saved = new Map([['central|p1', cell(250_00)]]);
    expect(withoutStored(waiting, cellStored(() => saved)).size).toBe(0);
    const clearing = written(new Map([[pendingKey('money', 'central|p1'), { kind: 'money', lineId: 'line10', amount: 0, recurrence: 'one-time' }]]));
    expect(withoutStored(clearing, cellStored(() => new Map())).size).toBe(0);
    expect(withoutStored(clearing, cellStored(() => stored)).size).toBe(1);
  });

  it('checks a typed amount against the stored cells of its own kind, working each kind out once', () => {
    const line = (id: string, kind: AllocationRow['kind'], amount: number): AllocationRow => ({
      id, planId: 'plan', phaseId: 'p1', recipient: { kind: 'central' }, sourceId: null, kind, amount, recurrence: 'one-time', flexible: false, areaId: null, note: '', untilPhaseId: null, perSchool: false, staffCost: null,
    });
    const allocations = [line('a', 'money', 100_00), line('b', 'devices', 30)];
    const money = gridCells(allocations, 'money');
    const cellsOf = storedCellsOf(allocations, 'money', money);
    expect(cellsOf('money')).toBe(money);
    expect(cellsOf('devices').get('central|p1')?.amount).toBe(30);
    expect(cellsOf('devices')).toBe(cellsOf('devices'));
    const isStored = cellStored(cellsOf);
    expect(isStored(pendingKey('devices', 'central|p1'), { kind: 'devices', lineId: 'b', amount: 30, recurrence: 'one-time' })).toBe(true);
    expect(isStored(pendingKey('devices', 'central|p1'), { kind: 'devices', lineId: 'b', amount: 100_00, recurrence: 'one-time' })).toBe(false);
    expect(isStored(pendingKey('staff-fte', 'central|p1'), { kind: 'staff-fte', lineId: 'c', amount: null, recurrence: 'one-time' })).toBe(true);
  });
});
