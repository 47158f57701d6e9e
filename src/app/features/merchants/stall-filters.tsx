// The stall list's search box and filter toggles. Typing only changes state; rows are filtered in memory.
// Compact on purpose: the list below should keep most of the screen on a landscape tablet.
import { memo, useId } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ProgressFilter, StallFilters } from '../../db/repos/stalls';

const PROGRESS: ProgressFilter[] = ['all', 'not_started', 'in_progress', 'completed'];
const TOGGLES = ['notVisited', 'opened', 'blocked'] as const;

export interface StallFiltersBarProps {
  query: string;
  onQuery: (q: string) => void;
  filters: StallFilters;
  onFilters: (f: StallFilters) => void;
}

const control = {
  minHeight: 48,
  font: 'inherit',
  padding: '0.5rem 0.75rem',
  border: '2px solid var(--line)',
  borderRadius: 10,
  background: 'var(--paper)',
  color: 'var(--ink)',
} as const;

// Memoized (its handlers are state setters): opening a stall re-renders the list for the selection, not this bar.
export const StallFiltersBar = memo(function StallFiltersBar({
  query,
  onQuery,
  filters,
  onFilters,
}: StallFiltersBarProps) {
  const { t } = useTranslation('merchants');
  const searchId = useId();
  const progressId = useId();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '0.5rem' }}>
      <label htmlFor={searchId} className="visually-hidden">
        {t('list.search')}
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={t('list.searchPlaceholder')}
        onChange={(e) => onQuery(e.target.value)}
        autoComplete="off"
        style={{ ...control, width: '100%' }}
      />
      <div role="group" aria-label={t('list.filters')} style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {TOGGLES.map((key) => (
          <button
            key={key}
            type="button"
            className="btn btn-secondary"
            aria-pressed={filters[key]}
            onClick={() => onFilters({ ...filters, [key]: !filters[key] })}
          >
            {t(`list.${key}`)}
          </button>
        ))}
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem' }}>
          <label htmlFor={progressId} style={{ fontWeight: 600 }}>
            {t('list.progress')}
          </label>
          <select
            id={progressId}
            value={filters.progress}
            onChange={(e) => onFilters({ ...filters, progress: e.target.value as ProgressFilter })}
            style={control}
          >
            {PROGRESS.map((v) => (
              <option key={v} value={v}>
                {t(`progressFilter.${v}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
    </div>
  );
});
