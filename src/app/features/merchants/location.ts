// A stall's place in the market in one line (동 · 층 · 열 · 호 · 랜드마크), in the tutor's language.
import type { TFunction } from 'i18next';
import type { Stall } from '../../../domain';

export function locationText(stall: Stall, t: TFunction): string {
  const parts = [
    stall.building,
    stall.floor ? t('merchants:location.floor', { floor: stall.floor }) : '',
    stall.row,
    stall.number ? t('merchants:location.number', { number: stall.number }) : '',
    stall.landmark,
  ].filter((p) => p.trim() !== '');
  return parts.length ? parts.join(' · ') : t('merchants:location.none');
}

export function categoryLabel(category: string, t: TFunction): string {
  return t(`merchants:categories.${category}`, { defaultValue: category });
}
