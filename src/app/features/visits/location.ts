// A stall's place in the market in one short line (동, 층, 열, 호), skipping what is not filled in.
import type { TFunction } from 'i18next';
import type { StallBrief } from '../../db/repos/visits';

export function locationText(s: Pick<StallBrief, 'building' | 'floor' | 'row' | 'number'>, t: TFunction): string {
  return [
    s.building,
    s.floor ? t('visits:loc.floor', { value: s.floor }) : '',
    s.row,
    s.number ? t('visits:loc.number', { value: s.number }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
