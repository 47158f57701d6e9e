// Errors of the local write path, in words a tutor can read.

/** A change the domain rules refused (bad input): nothing was written. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly messageKo: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** IndexedDB refused the write for lack of space. Dexie may wrap the DOMException: check the inner error. */
export function isQuotaError(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
