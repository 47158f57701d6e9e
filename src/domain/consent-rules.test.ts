import { describe, expect, it } from 'vitest';
import { isConsentActive, personalDataAllowed, setsPersonalData } from './consent-rules';

const c = (o: Partial<{ deleted: boolean; withdrawnAt: string | null; retentionUntil: string }> = {}) => ({
  deleted: false,
  withdrawnAt: null,
  retentionUntil: '2026-12-31',
  ...o,
});

describe('consent rule for personal data', () => {
  it('is active until the retention date, unless withdrawn or deleted', () => {
    expect(isConsentActive(c(), '2026-12-31')).toBe(true);
    expect(isConsentActive(c(), '2027-01-01')).toBe(false);
    expect(isConsentActive(c({ withdrawnAt: '2026-11-01T00:00:00Z' }), '2026-11-02')).toBe(false);
    expect(isConsentActive(c({ deleted: true }), '2026-11-02')).toBe(false);
  });

  it('allows erasing always, and setting a name or phone only with an active consent', () => {
    expect(setsPersonalData({ merchantName: '  ' })).toBe(false);
    expect(setsPersonalData({ merchantPhone: '010-1' })).toBe(true);
    expect(personalDataAllowed({ merchantName: '', merchantPhone: '' }, [], '2026-11-02')).toBe(true);
    expect(personalDataAllowed({ name: '해뜰청과' }, [], '2026-11-02')).toBe(true);
    expect(personalDataAllowed({ merchantName: '김순자' }, [], '2026-11-02')).toBe(false);
    expect(personalDataAllowed({ merchantName: '김순자' }, [c({ withdrawnAt: 'x' }), c()], '2026-11-02')).toBe(true);
    expect(personalDataAllowed({ merchantName: '김순자' }, [c()], '2027-01-01')).toBe(false);
  });
});
