import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageFullError, isQuotaError, requestPersistence, storageEstimate } from '../../../src/storage/quota';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isQuotaError', () => {
  it('recognises full-storage errors from every browser', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('Quota exceeded.', 'UnknownError'))).toBe(true);
    expect(isQuotaError(new Error('The disk is full'))).toBe(true);
    expect(isQuotaError(new StorageFullError('a.mp3'))).toBe(true);
  });

  it('does not mistake other errors for a full disk', () => {
    for (const e of [new Error('boom'), new DOMException('x', 'AbortError'), null, undefined, 'quota', 22]) {
      expect(isQuotaError(e)).toBe(false);
    }
  });
});

describe('storage estimate and persistence', () => {
  it('returns null and unsupported where navigator.storage is missing', async () => {
    vi.stubGlobal('navigator', {});
    expect(await storageEstimate()).toBeNull();
    expect(await requestPersistence()).toBe('unsupported');
  });

  it('reports usage and the answer to a persistence request', async () => {
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ usage: 10, quota: 100 }), persisted: async () => false, persist: async () => false },
    });
    expect(await storageEstimate()).toEqual({ usedBytes: 10, quotaBytes: 100 });
    expect(await requestPersistence()).toBe('denied');
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist: async () => false } });
    expect(await requestPersistence()).toBe('granted');
  });
});
