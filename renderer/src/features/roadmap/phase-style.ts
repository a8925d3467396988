import type { PhaseKind } from '../../domain/schemas';

/**
 * How each kind of phase looks on the timeline: a light fill (dark text on it meets WCAG AA)
 * and a strong edge colour. The kind is always written on the bar too; colour only helps.
 */
export const KIND_COLORS: Record<PhaseKind, { fill: string; edge: string }> = {
  pilot: { fill: '#e1effa', edge: '#1f4e79' },
  expand: { fill: '#e3f3e6', edge: '#2e6b34' },
  scale: { fill: '#efe6f8', edge: '#6b3fa0' },
  sustain: { fill: '#fdf0dc', edge: '#9a4f00' },
  custom: { fill: '#eceff1', edge: '#4f5b62' },
};
