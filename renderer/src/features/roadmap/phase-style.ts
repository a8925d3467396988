import type { PhaseKind } from '../../domain/schemas';
import { colors } from '../../app/theme';

/**
 * How each kind of phase looks on the timeline: a light fill (dark text on it meets WCAG AA)
 * and a strong edge colour. The kind is always written on the bar too; colour only helps.
 */
export const KIND_COLORS: Record<PhaseKind, { fill: string; edge: string }> = colors.phaseKind;
