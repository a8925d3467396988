import { describe, expect, it } from 'vitest';
import { errorMessage, fieldProblem } from '../../../renderer/src/domain/messages';
import { planSchema, systemProfileSchema } from '../../../renderer/src/domain/schemas';

describe('messages', () => {
  it('names the field and the rule it breaks, or says nothing when it passes', () => {
    expect(fieldProblem(planSchema.shape.name, '   ', 'Plan name')).toBe('Plan name cannot be empty.');
    expect(fieldProblem(systemProfileSchema.shape.frlPercent, 140, 'FRL students (%)')).toBe('FRL students (%) cannot be above 100%.');
    expect(fieldProblem(planSchema.shape.name, 'Riverside', 'Plan name')).toBeNull();
  });

  it('reads the message of anything thrown', () => {
    expect(errorMessage(new Error('Disk full.'))).toBe('Disk full.');
    expect(errorMessage('plain')).toBe('plain');
  });
});
