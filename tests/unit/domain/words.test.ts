import { describe, expect, it } from 'vitest';
import { plural } from '../../../renderer/src/domain/words';

describe('plural', () => {
  it('says one in the singular and every other count, zero included, in the plural', () => {
    expect(plural(1, 'school')).toBe('1 school');
    expect(plural(0, 'school')).toBe('0 schools');
    expect(plural(2, 'wave')).toBe('2 waves');
  });

  it('separates thousands the way the rest of the app shows counts', () => {
    expect(plural(4310, 'student')).toBe('4,310 students');
    expect(plural(1_000_000, 'day')).toBe('1,000,000 days');
  });

  it('takes the plural form it is given for words that do not just add an s', () => {
    expect(plural(3, 'new indicator')).toBe('3 new indicators');
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect(plural(1, 'person', 'people')).toBe('1 person');
  });
});
