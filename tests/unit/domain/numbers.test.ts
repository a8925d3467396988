import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, parseNumberInput } from '../../../renderer/src/domain/numbers';

describe('parseNumberInput', () => {
  it('reads numbers as planners type them', () => {
    expect(parseNumberInput('1,250', 'Baseline')).toEqual({ ok: true, value: 1250 });
    expect(parseNumberInput('75%', 'Baseline')).toEqual({ ok: true, value: 75 });
    expect(parseNumberInput(' 75 % ', 'Baseline')).toEqual({ ok: true, value: 75 });
    expect(parseNumberInput('-3.5', 'Baseline')).toEqual({ ok: true, value: -3.5 });
    expect(parseNumberInput('\u22122', 'Baseline')).toEqual({ ok: true, value: -2 });
    expect(parseNumberInput('.5', 'Baseline')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberInput('1,250,000.25', 'Baseline')).toEqual({ ok: true, value: 1250000.25 });
    expect(parseNumberInput('-0', 'Baseline')).toEqual({ ok: true, value: 0 });
  });

  it('reads blank as no value unless a value is required', () => {
    expect(parseNumberInput('  ', 'Baseline')).toEqual({ ok: true, value: null });
    expect(parseNumberInput('', 'Value', { required: true })).toEqual({ ok: false, message: 'Value is needed.' });
  });

  it('refuses what is not a number, naming the field', () => {
    expect(parseNumberInput('abc', 'Baseline')).toEqual({ ok: false, message: 'Baseline must be a number, like 1,250 or 75%.' });
    expect(parseNumberInput('7 5x', 'Target')).toMatchObject({ ok: false });
    expect(parseNumberInput('1e5', 'Target')).toMatchObject({ ok: false });
    expect(parseNumberInput('%', 'Target')).toMatchObject({ ok: false });
    expect(parseNumberInput('12,50', 'Target')).toEqual({ ok: false, message: 'Target must be a number, like 1,250 or 75%.' });
    expect(parseNumberInput('1'.repeat(13), 'Target')).toEqual({ ok: false, message: 'Target is too large: check for a typo.' });
  });

  it('reads back every number it shows (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const value = Number(`${whole}.${String(cents).padStart(2, '0')}`);
      const read = parseNumberInput(formatNumber(value), 'Value');
      expect(read).toEqual({ ok: true, value });
    }));
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps at most the decimals asked for', () => {
    expect(formatNumber(1250)).toBe('1,250');
    expect(formatNumber(3.14159)).toBe('3.1416');
    expect(formatNumber(1.004, 2)).toBe('1');
    expect(formatNumber(1200.5, 2)).toBe('1,200.5');
  });
});
