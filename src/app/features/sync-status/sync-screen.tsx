// The /sync screen: state and "sync now", what needs attention, conflicts to review, and enrollment for a
// tablet not (or no longer) enrolled.
import { useTranslation } from '../../i18n/use-translation';
import { Screen } from '../../ui/screen';
import { useSyncStatus } from '../../sync/index';
import { ConflictList } from './conflict-list';
import { EnrollForm } from './enroll-form';
import { NeedsAttentionList } from './needs-attention-list';
import { SyncSummary } from './sync-summary';
import './sync-status.css';

export function SyncScreen() {
  const { t } = useTranslation('sync-status');
  const { mode } = useSyncStatus();
  const needsEnrollment = mode === 'unenrolled' || mode === 'revoked' || mode === 'reauth';
  return (
    <Screen title={t('title')}>
      <SyncSummary />
      {needsEnrollment ? <EnrollForm /> : null}
      <NeedsAttentionList />
      <ConflictList />
    </Screen>
  );
}
