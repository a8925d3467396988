import { describe, expect, it } from 'vitest';
import { phaseSlips } from '../../../renderer/src/domain/baseline-slips';

const phase = (id: string, name: string, start: string, end: string) => ({ id, name, start, end });

describe('how far phases moved since the approved plan', () => {
  it('names each moved phase with how far its start and end moved, in months where the day is kept', () => {
    const approved = [phase('a', 'Pilot', '2027-08-01', '2028-07-31'), phase('b', 'Expand', '2028-08-01', '2029-07-31'), phase('c', 'Scale', '2029-08-01', '2031-07-31')];
    const now = [phase('a', 'Pilot', '2027-08-01', '2028-07-31'), phase('b', 'Expand', '2029-01-01', '2029-12-31'), phase('c', 'Scale', '2029-08-01', '2031-06-20'), phase('d', 'Sustain', '2031-08-01', '2032-07-31')];
    expect(phaseSlips(approved, now)).toEqual([
      { phaseId: 'b', text: 'Expand starts 5 months later and ends 5 months later' },
      { phaseId: 'c', text: 'Scale ends 41 days earlier' },
    ]);
  });

  it('says nothing of phases that kept their dates, were added, or were removed', () => {
    const approved = [phase('a', 'Pilot', '2027-08-01', '2028-07-31'), phase('gone', 'Old', '2028-08-01', '2029-07-31')];
    expect(phaseSlips(approved, [phase('a', 'Pilot renamed', '2027-08-01', '2028-07-31'), phase('new', 'New', '2030-01-01', '2030-06-30')])).toEqual([]);
    expect(phaseSlips(approved, [phase('a', 'Pilot', '2027-07-01', '2028-07-31')])).toEqual([{ phaseId: 'a', text: 'Pilot starts 1 month earlier' }]);
  });
});
