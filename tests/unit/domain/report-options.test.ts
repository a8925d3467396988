import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PACKET_SECTIONS, DEFAULT_REPORT_OPTIONS, PACKET_SECTIONS, parseReportOptions, reportPhases, reportQuery, reportSchoolIds, type ReportOptions,
} from '../../../renderer/src/domain/report-options';

const id = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;

describe('report options in the address', () => {
  it('reads an empty query as the whole report: the default sections, every phase, every school, no internal entries', () => {
    expect(parseReportOptions('')).toEqual(DEFAULT_REPORT_OPTIONS);
    expect(DEFAULT_REPORT_OPTIONS.leaveOutInternal).toBe(true);
    expect(parseReportOptions('?')).toEqual(DEFAULT_REPORT_OPTIONS);
    expect(reportQuery(DEFAULT_REPORT_OPTIONS)).toBe('');
  });

  it('reads chosen sections in the packet\'s order, whatever order the query names them in', () => {
    expect(parseReportOptions('?sections=money,cover,timeline').sections).toEqual(['cover', 'timeline', 'money']);
  });

  it('ignores sections, phases and schools it does not know, and falls back to all when nothing is left', () => {
    const options = parseReportOptions(`sections=cover,appendix&phases=${id(1)},not-an-id&schools=x,${id(3)}&colour=red`);
    expect(options).toEqual({ sections: ['cover'], phaseIds: [id(1)], schools: { kind: 'chosen', schoolIds: [id(3)] }, leaveOutInternal: true });
    expect(parseReportOptions('sections=appendix,,&phases=1,2&schools=,').sections).toEqual([...DEFAULT_PACKET_SECTIONS]);
    expect(parseReportOptions('sections=appendix&phases=1,2&schools=,')).toEqual(DEFAULT_REPORT_OPTIONS);
  });

  it('reads a wave, which wins over chosen schools, and ignores a wave that is not an id', () => {
    expect(parseReportOptions(`wave=${id(7)}&schools=${id(1)}`).schools).toEqual({ kind: 'wave', waveId: id(7) });
    expect(parseReportOptions(`wave=wave-1&schools=${id(1)}`).schools).toEqual({ kind: 'chosen', schoolIds: [id(1)] });
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const options: ReportOptions = { sections: ['timeline', 'cover'], phaseIds: [id(2), id(1)], schools: { kind: 'wave', waveId: id(9) }, leaveOutInternal: true };
    const query = reportQuery(options);
    expect(query).toBe(`sections=cover,timeline&phases=${id(2)},${id(1)}&wave=${id(9)}`);
    expect(parseReportOptions(query)).toEqual({ ...options, sections: ['cover', 'timeline'] });
    expect(reportQuery({ ...DEFAULT_REPORT_OPTIONS, sections: [] })).toBe('');
  });

  it('leaves the journal out by default and prints what changed since approval, at the end of the packet', () => {
    expect(PACKET_SECTIONS.slice(-2)).toEqual(['journal', 'changes']);
    expect(DEFAULT_PACKET_SECTIONS).toEqual(PACKET_SECTIONS.filter((s) => s !== 'journal'));
    expect(parseReportOptions('').sections).toContain('changes');
    expect(parseReportOptions('').sections).not.toContain('journal');
    // Every section, journal included, differs from the default and so is written out.
    expect(reportQuery({ ...DEFAULT_REPORT_OPTIONS, sections: [...PACKET_SECTIONS] })).toBe(`sections=${PACKET_SECTIONS.join(',')}`);
    expect(parseReportOptions(`sections=${PACKET_SECTIONS.join(',')}`).sections).toEqual([...PACKET_SECTIONS]);
    // The default sections in another order are still the default.
    expect(reportQuery({ ...DEFAULT_REPORT_OPTIONS, sections: [...DEFAULT_PACKET_SECTIONS].reverse() })).toBe('');
  });

  it('prints internal journal entries only when the address says "internal=include"', () => {
    expect(reportQuery({ ...DEFAULT_REPORT_OPTIONS, leaveOutInternal: false })).toBe('internal=include');
    expect(parseReportOptions('internal=include').leaveOutInternal).toBe(false);
    expect(parseReportOptions('sections=journal&internal=include')).toEqual({ ...DEFAULT_REPORT_OPTIONS, sections: ['journal'], leaveOutInternal: false });
    for (const other of ['internal=', 'internal=yes', 'internal=INCLUDE', 'internal=leave-out']) expect(parseReportOptions(other).leaveOutInternal).toBe(true);
  });

  it('round-trips any options', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: 50 }).map(id), { maxLength: 5 });
    const choice = fc.oneof(
      fc.constant({ kind: 'all' as const }),
      fc.integer({ min: 0, max: 50 }).map((n) => ({ kind: 'wave' as const, waveId: id(n) })),
      ids.filter((l) => l.length > 0).map((schoolIds) => ({ kind: 'chosen' as const, schoolIds })),
    );
    const options = fc.record({
      sections: fc.subarray([...PACKET_SECTIONS], { minLength: 1 }),
      phaseIds: fc.option(ids.filter((l) => l.length > 0), { nil: null }),
      schools: choice,
      leaveOutInternal: fc.boolean(),
    });
    fc.assert(fc.property(options, (o) => {
      expect(parseReportOptions(reportQuery(o))).toEqual(o);
    }));
  });
});

describe('what a report covers', () => {
  const phases = [{ id: id(1) }, { id: id(2) }, { id: id(3) }];
  const schools = [
    { id: id(10), waveId: id(21) },
    { id: id(11), waveId: null },
    { id: id(12), waveId: id(20) },
    { id: id(13), waveId: id(21) },
  ];

  it('covers the chosen phases in the plan\'s order, or all when none of the chosen is left', () => {
    expect(reportPhases(phases, null)).toEqual(phases);
    expect(reportPhases(phases, [id(3), id(1)])).toEqual([{ id: id(1) }, { id: id(3) }]);
    expect(reportPhases(phases, [id(9)])).toEqual(phases);
  });

  it('gives briefs to all schools, one wave\'s or the chosen ones, in the plan\'s school order', () => {
    expect(reportSchoolIds(schools, { kind: 'all' })).toEqual([id(10), id(11), id(12), id(13)]);
    expect(reportSchoolIds(schools, { kind: 'wave', waveId: id(21) })).toEqual([id(10), id(13)]);
    expect(reportSchoolIds(schools, { kind: 'wave', waveId: id(99) })).toEqual([]);
    expect(reportSchoolIds(schools, { kind: 'chosen', schoolIds: [id(13), id(99), id(11)] })).toEqual([id(11), id(13)]);
  });
});
