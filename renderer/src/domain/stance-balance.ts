/**
 * How a phase of the tight & loose matrix leans, in words, from how many areas are held each
 * way. "Mostly tight" means more than half of the areas decided are tight (likewise loose and
 * shared); otherwise the phase leans the way that has more areas, or is mixed. Areas with no
 * stance yet are left out, and the words say so.
 */

export interface StanceCounts {
  tight: number;
  shared: number;
  loose: number;
  /** Areas with no stance yet. */
  unset: number;
}

export type BalanceKind = 'none' | 'mostly-tight' | 'mostly-loose' | 'mostly-shared' | 'leans-tight' | 'leans-loose' | 'mixed';

/** Which way the decided areas go (see the top of the file). */
export function balanceKind({ tight, shared, loose }: StanceCounts): BalanceKind {
  const decided = tight + shared + loose;
  if (decided === 0) return 'none';
  if (tight * 2 > decided) return 'mostly-tight';
  if (loose * 2 > decided) return 'mostly-loose';
  if (shared * 2 > decided) return 'mostly-shared';
  if (tight > loose) return 'leans-tight';
  if (loose > tight) return 'leans-loose';
  return 'mixed';
}

const WORDS: Record<BalanceKind, string> = {
  none: 'no stances set',
  'mostly-tight': 'mostly tight',
  'mostly-loose': 'mostly loose',
  'mostly-shared': 'mostly shared',
  'leans-tight': 'leans tight',
  'leans-loose': 'leans loose',
  mixed: 'mixed',
};

/** "mostly tight", or "mostly tight (of the 4 areas decided)" while some areas have no stance. */
export function balanceWords(counts: StanceCounts): string {
  const kind = balanceKind(counts);
  const decided = counts.tight + counts.shared + counts.loose;
  if (kind === 'none' || counts.unset === 0) return WORDS[kind];
  return `${WORDS[kind]} (of the ${decided} ${decided === 1 ? 'area' : 'areas'} decided)`;
}
