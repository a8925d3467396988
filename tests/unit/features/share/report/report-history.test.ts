import { describe, expect, it } from 'vitest';
import { comparePlans } from '../../../../../renderer/src/domain/plan-diff';
import type { JournalEntry } from '../../../../../renderer/src/domain/journal';
import { approvalLine, coverStatus, journalGroups } from '../../../../../renderer/src/features/share/report/report-history';
import { samplePlan } from '../../../domain/plan-fixtures';

const id = (n: number) => `cccccccc-cccc-4ccc-8ccc-${String(n).padStart(12, '0')}`;
const approval = { date: '2028-06-12', body: 'Board of Education', reference: 'Resolution 2028-14' };

function entry(n: number, fields: Partial<JournalEntry>): JournalEntry {
  return {
    id: id(n), planId: id(0), phaseId: id(90), date: '2028-01-01', kind: 'worked', text: `Entry ${n}`, author: '', areaIds: [], decisions: [],
    revisionId: null, internal: false, createdAt: `2028-01-01T00:00:0${n % 10}.000Z`, updatedAt: '2028-01-01T00:00:00.000Z', ...fields,
  };
}

describe('how a report states the approval', () => {
  it('names the body, the day, the record and the count of changes', () => {
    expect(approvalLine(approval, 2)).toBe('Approved by Board of Education on Jun 12, 2028 (Resolution 2028-14) · 2 changes since');
    expect(approvalLine({ ...approval, reference: '' }, 1)).toBe('Approved by Board of Education on Jun 12, 2028 · 1 change since');
  });

  it('prints approved on the cover only when nothing changed since; a draft based on it otherwise', () => {
    const plan = samplePlan();
    const same = comparePlans(plan, plan);
    const renamed = comparePlans(plan, { ...plan, phases: plan.phases.map((p, i) => (i === 0 ? { ...p, name: 'Try-out' } : p)) });
    expect(renamed.summary.total).toBe(1);
    expect(coverStatus({ status: 'none' })).toBe('Draft');
    expect(coverStatus({ status: 'unreadable', approval, message: 'damaged' })).toBe('Draft');
    expect(coverStatus({ status: 'compared', approval, changes: same })).toBe('Approved by Board of Education, Jun 12, 2028');
    expect(coverStatus({ status: 'compared', approval, changes: renamed })).toBe('Draft · based on the plan approved Jun 12, 2028 (1 change since)');
  });
});

describe('the journal in the packet', () => {
  const plan = samplePlan();
  const [first, second, third] = plan.phases;
  if (!first || !second || !third) throw new Error('the sample plan needs three phases');
  const entries = [
    entry(1, { phaseId: second.id, date: '2028-03-01', kind: 'did-not-work' }),
    entry(2, { phaseId: first.id, date: '2028-02-01', internal: true }),
    entry(3, { phaseId: first.id, date: '2027-11-01' }),
    entry(4, { phaseId: id(99), date: '2027-10-01', kind: 'changed-course' }),
    entry(5, { phaseId: first.id, date: '2027-11-01', kind: 'did-not-work' }),
  ];

  it('groups shared entries by phase in plan order, oldest first, and puts removed phases\' entries last', () => {
    const groups = journalGroups(entries, { phases: plan.phases, covered: plan.phases, leaveOutInternal: true });
    expect(groups.map((g) => [g.title, g.entries.map((e) => e.text)])).toEqual([
      [first.name, ['Entry 3', 'Entry 5']],
      [second.name, ['Entry 1']],
      ['Other entries', ['Entry 4']],
    ]);
  });

  it('prints internal entries only when asked', () => {
    const groups = journalGroups(entries, { phases: plan.phases, covered: plan.phases, leaveOutInternal: false });
    expect(groups[0]?.entries.map((e) => e.text)).toEqual(['Entry 3', 'Entry 5', 'Entry 2']);
  });

  it('keeps to the chosen phases, without the other entries, when the packet covers only some', () => {
    const groups = journalGroups(entries, { phases: plan.phases, covered: [second], leaveOutInternal: true });
    expect(groups.map((g) => g.title)).toEqual([second.name]);
    expect(journalGroups([], { phases: plan.phases, covered: plan.phases, leaveOutInternal: true })).toEqual([]);
  });
});
