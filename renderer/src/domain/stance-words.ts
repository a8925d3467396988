/** The words a stance is read with, everywhere a planner sees one. */
import type { StanceValue } from './schemas';

export const STANCE_LABELS: Record<StanceValue, string> = { tight: 'Tight', shared: 'Shared', loose: 'Loose' };

/** What a stance means, in a planner's words. */
export const STANCE_MEANINGS: Record<StanceValue, string> = {
  tight: 'the central office decides',
  shared: 'the central office and schools decide together',
  loose: 'each school decides',
};

export const NOT_SET = 'Not set';

export function stanceLabel(stance: StanceValue | null | undefined): string {
  return stance ? STANCE_LABELS[stance] : NOT_SET;
}
