import { describe, expect, it } from 'vitest';
import { byteSize, estimateStorage, quotaAdvice, usageSentence } from '../../../renderer/src/storage/storage-usage';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A StorageManager whose estimate is the given one (or fails). */
function fakeStorage(estimate: () => Promise<StorageEstimate>): StorageManager {
  return { estimate } as unknown as StorageManager;
}

describe('the space plans take', () => {
  it('reads sizes in the unit a planner expects', () => {
    expect(byteSize(0)).toBe('0 KB');
    expect(byteSize(20)).toBe('0.1 KB');
    expect(byteSize(412 * 1024)).toBe('412 KB');
    expect(byteSize(3.2 * MB)).toBe('3.2 MB');
    expect(byteSize(1.94 * GB)).toBe('1.9 GB');
  });

  it('says in the library how much is used and how much is free', async () => {
    const usage = await estimateStorage(fakeStorage(async () => ({ usage: 3.2 * MB, quota: 3.2 * MB + 1.9 * GB })));
    if (!usage) throw new Error('an estimate was given');
    expect(usageSentence(usage)).toBe('Plans and their history use 3.2 MB; about 1.9 GB is free on this computer.');
    // Over the quota (the estimate lags a write): never a negative size.
    expect(usageSentence({ usage: 2 * MB, quota: MB })).toBe('Plans and their history use 2 MB; about 0 KB is free on this computer.');
  });

  it('gives no estimate where the browser has none or it fails', async () => {
    expect(await estimateStorage(undefined)).toBeNull();
    expect(await estimateStorage({} as StorageManager)).toBeNull();
    expect(await estimateStorage(fakeStorage(async () => { throw new Error('denied'); }))).toBeNull();
    expect(await estimateStorage(fakeStorage(async () => ({})))).toBeNull();
  });

  it('says, when the space runs out, how much is used and what can be freed', () => {
    expect(quotaAdvice({ usage: 59.6 * MB, quota: 60 * MB })).toBe(
      'The plans use 59.6 MB of the 60 MB allowed. To make room, remove old automatic revisions (a plan’s History) or plans in Recently deleted, or free disk space.',
    );
    expect(quotaAdvice(null)).toBe('To make room, remove old automatic revisions (a plan’s History) or plans in Recently deleted, or free disk space.');
  });
});
