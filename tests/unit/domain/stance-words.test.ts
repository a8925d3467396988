import { describe, expect, it } from 'vitest';
import { stanceLabel } from '../../../renderer/src/domain/stance-words';

describe('stance words', () => {
  it('names every stance and the unset one', () => {
    expect([stanceLabel('tight'), stanceLabel('shared'), stanceLabel('loose'), stanceLabel(null)]).toEqual(['Tight', 'Shared', 'Loose', 'Not set']);
  });
});
