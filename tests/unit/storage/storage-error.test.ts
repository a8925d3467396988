import { describe, expect, it } from 'vitest';
import { toStorageError } from '../../../renderer/src/storage/storage-error';
import { PlannerDatabase } from '../../../renderer/src/storage/database';
import { createPlanStore } from '../../../renderer/src/storage/plan-store';
import { newId } from '../../../renderer/src/domain/ids';
import { samplePlan } from '../domain/plan-fixtures';

describe('storage errors', () => {
  it('explains a full disk and an interrupted save', () => {
    expect(toStorageError({ name: 'QuotaExceededError' }, 'save the plan').message).toBe(
      'Could not save the plan: this computer is out of storage space for the app. Nothing was changed. Free some disk space and try again.',
    );
    expect(toStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, 'save').reason).toBe('quota');
    expect(toStorageError({ name: 'AbortError' }, 'save').reason).toBe('aborted');
    expect(toStorageError(new Error('boom'), 'save').message).toBe('Could not save (boom). Nothing was changed.');
  });
});

describe('a record the schemas refuse', () => {
  it('reads as a sentence naming the field, never as the validator\'s JSON', async () => {
    const db = new PlannerDatabase(`test-${newId()}`);
    const store = createPlanStore(db);
    const bundle = samplePlan();
    await store.createPlan(bundle);
    const phase = bundle.phases[0];
    if (!phase) throw new Error('template has phases');
    const renamed = store.updatePhase(phase.id, { name: '   ' });
    await expect(renamed).rejects.toThrow('Could not save the phase: The name cannot be empty. Nothing was changed.');
    const profile = store.updateProfile(bundle.plan.id, { frlPercent: 140 });
    await expect(profile).rejects.toThrow('Could not save the plan: The FRL share cannot be above 100%. Nothing was changed.');
    await expect(store.updatePhase(phase.id, { name: '' })).rejects.not.toThrow(/"code"|\[\s*\{/);
    expect((await store.loadBundle(bundle.plan.id))?.phases[0]?.name).toBe(phase.name);
    db.close();
    await db.delete();
  });

  it('says "is not valid" where the schema has no words of its own', () => {
    const error = { name: 'ZodError', issues: [{ path: ['phases', 0, 'start'], message: 'Invalid input: expected string, received number' }] };
    expect(toStorageError(error, 'save the phase').message).toBe('Could not save the phase: The start is not valid. Nothing was changed.');
  });
});
