// Blank field sets for new records: what a new stall holds before a tutor fills it in. Shared by the app's
// forms and repositories, the server's seeds and every test that needs a valid record.
import type { Stall } from './entities';

export type StallFields = Omit<Stall, 'id' | 'marketId' | 'updatedAt' | 'updatedBy'>;

export function blankStall(overrides: Partial<StallFields> = {}): StallFields {
  return {
    name: '',
    category: '기타',
    building: '',
    floor: '',
    row: '',
    number: '',
    landmark: '',
    merchantName: '',
    merchantPhone: '',
    channelName: '',
    channelSearchId: '',
    channelUrl: '',
    channelOpened: false,
    businessStatus: 'not_applied',
    friendCount: 0,
    friendCountAt: null,
    deleted: false,
    ...overrides,
  };
}
