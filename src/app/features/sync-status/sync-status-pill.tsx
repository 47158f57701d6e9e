// The sync status shown in the top bar on every screen: connection, pending count, syncing, last sync and a
// needs-attention badge. One tap opens /sync. Also starts the app's sync engine once the shell is shown.
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useSyncAutoStart, useSyncStatus } from '../../sync/index';
import './sync-status.css';

const TONE = {
  online: 'ok',
  offline: 'warn',
  paused: 'warn',
  unenrolled: 'muted',
  error: 'bad',
  revoked: 'bad',
  reauth: 'bad',
} as const;

export function SyncStatusPill() {
  useSyncAutoStart();
  const { t } = useTranslation('sync-status');
  const language = useLanguage();
  const s = useSyncStatus();
  const state = t(`mode.${s.mode}`);
  const parts = [state];
  if (s.syncing) parts.push(t('pill.syncing'));
  if (s.pendingCount > 0) parts.push(t('pill.pending', { count: s.pendingCount }));
  if (s.needsAttention + s.conflicts > 0) parts.push(t('pill.attention', { count: s.needsAttention + s.conflicts }));
  if (s.lastSyncAt) parts.push(t('pill.last', { time: formatDate(s.lastSyncAt, 'time', language) }));
  return (
    <AppLink
      to="/sync"
      className={`sync-pill sync-pill-${TONE[s.mode]}`}
      aria-label={t('pill.label', { state: parts.join(', ') })}
      aria-busy={s.syncing}
    >
      {s.syncing ? (
        <span className="sync-spinner" aria-hidden="true" />
      ) : (
        <span className="sync-dot" aria-hidden="true" />
      )}
      <span>{state}</span>
      {s.pendingCount > 0 ? (
        <span className="sync-pill-count">{t('pill.pending', { count: s.pendingCount })}</span>
      ) : null}
      {s.needsAttention + s.conflicts > 0 ? (
        <span className="badge badge-bad">{t('pill.attention', { count: s.needsAttention + s.conflicts })}</span>
      ) : null}
      {s.lastSyncAt && s.pendingCount === 0 ? (
        <span className="sync-pill-time">{formatDate(s.lastSyncAt, 'time', language)}</span>
      ) : null}
    </AppLink>
  );
}
