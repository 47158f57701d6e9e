import { describe, expect, it } from 'vitest';
import { makeDemoMarket, DEMO_STALL_COUNT } from './demo-market';
import {
  ConsentSchema,
  MarketSchema,
  NoteSchema,
  StallSchema,
  StepEventSchema,
  StepSchema,
  TutorSchema,
  VisitSchema,
} from './entities';
import { VISIT_STATUSES } from './vocabulary';

const now = new Date('2025-05-14T03:00:00.000Z'); // a Wednesday, 12:00 in Korea

describe('makeDemoMarket', () => {
  const demo = makeDemoMarket({ marketId: 'demo-m', now });

  it('passes every entity schema', () => {
    MarketSchema.parse(demo.market);
    for (const t of demo.tutors) TutorSchema.parse(t);
    for (const s of demo.stalls) StallSchema.parse(s);
    for (const v of demo.visits) VisitSchema.parse(v);
    for (const n of demo.notes) NoteSchema.parse(n);
    for (const s of demo.steps) StepSchema.parse(s);
    for (const e of demo.stepEvents) StepEventSchema.parse(e);
    for (const c of demo.consents) ConsentSchema.parse(c);
  });

  it('is deterministic for the same options and differs for another seed', () => {
    expect(makeDemoMarket({ marketId: 'demo-m', now })).toEqual(demo);
    expect(makeDemoMarket({ marketId: 'demo-m', now, seed: 7 })).not.toEqual(demo);
  });

  it('has a fictional market of about 60 stalls, 4-6 tutors with a lead, and unique ids', () => {
    expect(demo.market.demo).toBe(true);
    expect(demo.market.name).toContain('체험용');
    expect(demo.stalls).toHaveLength(DEMO_STALL_COUNT);
    expect(demo.tutors.length).toBeGreaterThanOrEqual(4);
    expect(demo.tutors.length).toBeLessThanOrEqual(6);
    expect(demo.tutors.some((t) => t.role === 'lead')).toBe(true);
    const ids = [demo.market, ...demo.tutors, ...demo.stalls, ...demo.visits, ...demo.notes, ...demo.steps].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(demo.stalls.map((s) => s.name)).size).toBe(DEMO_STALL_COUNT);
  });

  it('covers every visit status, past, today and next week, and blocked steps', () => {
    const statuses = new Set(demo.visits.map((v) => v.status));
    for (const s of VISIT_STATUSES) expect(statuses).toContain(s);
    const day = (iso: string) => new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    const days = new Set(demo.visits.map((v) => day(v.scheduledAt)));
    expect(days).toContain('2025-05-14'); // today
    expect(days).toContain('2025-05-20'); // next week
    expect([...days].some((d) => d < '2025-05-12')).toBe(true); // last week
    expect(demo.steps.filter((s) => s.status === 'blocked').length).toBeGreaterThan(2);
    expect(demo.steps.some((s) => s.status === 'blocked' && s.reason.length > 0)).toBe(true);
    for (const v of demo.visits.filter((x) => x.rescheduledFrom)) {
      expect(demo.visits.find((o) => o.id === v.rescheduledFrom)?.status).toBe('rescheduled');
    }
  });

  it('keeps merchant names and phones only on stalls with a consent', () => {
    const consented = new Set(demo.consents.map((c) => c.stallId));
    expect(consented.size).toBeGreaterThan(10);
    for (const s of demo.stalls) {
      if (!consented.has(s.id)) {
        expect(s.merchantName).toBe('');
        expect(s.merchantPhone).toBe('');
      }
    }
  });
});
