// Test fixtures (visits, overview, settings tests): a stall, tutors and visits written through the real write path.
import type { Stall } from '../../../domain';
import type { DangolDb } from '../database';
import { mutate } from '../mutate';

export function stallFields(name: string, extra: Partial<Stall> = {}) {
  return {
    name,
    category: '청과·채소' as const,
    building: 'A동',
    floor: '1',
    row: '가열',
    number: '12',
    landmark: '',
    merchantName: '',
    merchantPhone: '',
    channelName: '',
    channelSearchId: '',
    channelUrl: '',
    channelOpened: false,
    businessStatus: 'not_applied' as const,
    friendCount: 0,
    friendCountAt: null,
    deleted: false,
    ...extra,
  };
}

export async function seedStall(db: DangolDb, id: string, name: string, extra: Partial<Stall> = {}) {
  await mutate(db, { entity: 'stall', id, fields: stallFields(name, extra), tutorId: null });
}

export async function seedTutor(db: DangolDb, id: string, name: string, role: 'tutor' | 'lead' = 'tutor') {
  await mutate(db, {
    entity: 'tutor',
    id,
    tutorId: null,
    fields: {
      name,
      role,
      active: true,
      pinHash: null,
      pinSalt: null,
      pinIterations: 0,
      locked: false,
      deleted: false,
    },
  });
}

export async function seedVisit(
  db: DangolDb,
  id: string,
  stallId: string,
  scheduledAt: Date,
  opts: { tutorId?: string | null; status?: 'scheduled' | 'done' | 'missed' | 'cancelled'; purpose?: string } = {},
) {
  await mutate(db, {
    entity: 'visit',
    id,
    tutorId: null,
    fields: {
      stallId,
      tutorId: opts.tutorId ?? null,
      scheduledAt: scheduledAt.toISOString(),
      durationMin: 30,
      purpose: opts.purpose ?? '',
      status: opts.status ?? 'scheduled',
      actualMin: opts.status === 'done' ? 30 : null,
      completedAt: opts.status === 'done' ? scheduledAt.toISOString() : null,
      rescheduledFrom: null,
      deleted: false,
    },
  });
}
