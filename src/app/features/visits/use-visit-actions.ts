// The one-tap visit actions (done, missed, cancel, reschedule) with their errors in words and who did them.
import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Visit } from '../../../domain';
import { getDb } from '../../db/database';
import { completeVisit, rescheduleVisit, setVisitStatus } from '../../db/repos/visits';
import { readTutorId } from '../../db/session';
import { useLanguage } from '../../i18n/use-language';
import { errorText } from '../../ui/error-text';

export function useVisitActions() {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (fn: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      try {
        await fn();
        return true;
      } catch (err) {
        setError(errorText(err, t, language));
        return false;
      }
    },
    [t, language],
  );

  return {
    error,
    clearError: () => setError(null),
    complete: (v: Visit) => run(async () => completeVisit(getDb(), v, await readTutorId())),
    missed: (v: Visit) => run(async () => setVisitStatus(getDb(), v.id, 'missed', await readTutorId())),
    cancel: (v: Visit) => run(async () => setVisitStatus(getDb(), v.id, 'cancelled', await readTutorId())),
    reschedule: (v: Visit, scheduledAt: string) =>
      run(async () => rescheduleVisit(getDb(), v, scheduledAt, await readTutorId())),
  };
}
