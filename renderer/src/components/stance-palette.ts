/**
 * The colours of the matrix. Colour only helps: every cell also says its stance in words and
 * shows an icon. Text colours meet WCAG AA (4.5:1) on their cell's background.
 */
import type { StanceValue } from '../domain/schemas';
import { colors } from '../app/theme';

export interface CellColors {
  background: string;
  text: string;
}

export const STANCE_COLORS: Record<StanceValue | 'unset', CellColors> = colors.stance;

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
