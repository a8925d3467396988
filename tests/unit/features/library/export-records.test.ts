import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { daysWithoutExport, lastExportedAt, recordChange, recordExport } from '../../../../renderer/src/features/plan-file/export-records';

const DAY = 24 * 60 * 60_000;
const now = new Date(2026, 10, 30, 12, 0, 0);
const ago = (days: number) => new Date(now.getTime() - days * DAY);

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('export records', () => {
  it('offers an export after a week of changes since the last one', () => {
    recordExport('p', ago(9));
    expect(lastExportedAt('p')).toBe(ago(9).toISOString());
    expect(daysWithoutExport('p', ago(8).toISOString(), now)).toBe(9);
    // Not changed since the export: nothing to export.
    expect(daysWithoutExport('p', ago(10).toISOString(), now)).toBeNull();
    // Exported again: the offer goes.
    recordExport('p', now);
    expect(daysWithoutExport('p', ago(8).toISOString(), now)).toBeNull();
  });

  it('waits a week after the last export before offering', () => {
    recordExport('p', ago(6));
    expect(daysWithoutExport('p', ago(1).toISOString(), now)).toBeNull();
  });

  it('counts a plan never exported from its first change noted here', () => {
    expect(daysWithoutExport('q', now.toISOString(), now)).toBeNull();
    recordChange('q', ago(8));
    recordChange('q', ago(2)); // later changes do not move the start
    expect(daysWithoutExport('q', now.toISOString(), now)).toBe(8);
  });

  it('survives storage that refuses to be read or written', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
    });
    expect(() => recordExport('p', now)).not.toThrow();
    expect(lastExportedAt('p')).toBeNull();
  });
});
