import { describe, expect, it } from 'vitest';
import { contrastRatio, STANCE_COLORS } from '../../../renderer/src/components/stance-palette';

describe('colours', () => {
  it('keeps every cell’s text at WCAG AA contrast on its background and on white paper', () => {
    for (const [name, c] of Object.entries(STANCE_COLORS)) {
      expect(contrastRatio(c.text, c.background), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.text, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes the contrast of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio('red', '#ffffff')).toThrow();
  });
});
