// One tap to book the next visit to the same stall: same time of day, the note's follow-up date if any
// (else a week later), the same tutor, the note's next step as purpose.
import { addDays } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Visit } from '../../../domain';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { dayKey, timeValue } from './time';
import { VisitForm } from './visit-form';

export interface FollowUpBookingProps {
  visit: Visit;
  followUpDate: string | null;
  nextStep: string;
}

export function FollowUpBooking({ visit, followUpDate, nextStep }: FollowUpBookingProps) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [bookedAt, setBookedAt] = useState<string | null>(null);
  const date = followUpDate ?? dayKey(addDays(new Date(), 7));
  if (open) {
    return (
      <div className="follow-up">
        {followUpDate ? (
          <p className="notice notice-info">
            {t('during.followUpFrom', { date: formatDate(`${followUpDate}T00:00:00`, 'shortDate', language) })}
          </p>
        ) : null}
        <VisitForm
          defaults={{
            stallId: visit.stallId,
            date,
            time: timeValue(visit.scheduledAt),
            durationMin: visit.durationMin,
            tutorId: visit.tutorId ?? '',
            purpose: nextStep.slice(0, 200),
          }}
          onSaved={(_id, at) => {
            setBookedAt(at);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      </div>
    );
  }
  return (
    <div className="follow-up visit-actions">
      <Button variant="primary" size="large" onClick={() => setOpen(true)}>
        {t('during.followUp')}
      </Button>
      {bookedAt ? (
        <p className="notice notice-info" role="status">
          {t('form.saved')}: {formatDate(bookedAt, 'dateTime', language)}
        </p>
      ) : null}
    </div>
  );
}
