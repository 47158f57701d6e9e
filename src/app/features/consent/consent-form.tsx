// The consent form a merchant reads over the tutor's shoulder: large type, Korean first, English on a tap.
// Nothing is pre-ticked; the right to refuse must be explained before consent can be recorded.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConsentMethod } from '../../../domain';
import { CONSENT_METHODS } from '../../../domain';
import { CONSENT_FORM_VERSION, DEFAULT_RETENTION_DAYS } from '../../../domain/consent-rules';
import { getDb } from '../../db/database';
import { localToday, recordConsent } from '../../db/repos/consents';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { YesNo } from './yes-no';
import './consent.css';

export function ConsentForm(props: { stallId: string; tutorId: string | null; onDone: (recorded: boolean) => void }) {
  const { t: appT, i18n } = useTranslation('consent');
  const [lang, setLang] = useState<'ko' | 'en'>('ko');
  const t = i18n.getFixedT(lang, 'consent');
  const [share, setShare] = useState<boolean | null>(null);
  const [photo, setPhoto] = useState<boolean | null>(null);
  const [contact, setContact] = useState<boolean | null>(null);
  const [method, setMethod] = useState<ConsentMethod>('tablet');
  const [explained, setExplained] = useState(false);
  const [until, setUntil] = useState(localToday(new Date(Date.now() + DEFAULT_RETENTION_DAYS * 86_400_000)));
  const [error, setError] = useState<string | null>(null);

  async function agree() {
    if (!explained) return setError(t('explainFirst'));
    if (share === null || photo === null || contact === null) return setError(t('answerAll'));
    try {
      await recordConsent(
        getDb(),
        props.stallId,
        {
          sharePartners: share,
          photoUse: photo,
          contactAfter: contact,
          method,
          retentionUntil: until,
          refusalRightExplained: true,
        },
        props.tutorId,
      );
      props.onDone(true);
    } catch (err) {
      setError(errorText(err, appT, lang));
    }
  }

  return (
    <article className="consent-form" lang={lang}>
      <header className="consent-head">
        <h2>{t('title')}</h2>
        <span className="badge">{t('formVersion', { version: CONSENT_FORM_VERSION })}</span>
        <Button onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')} lang={lang === 'ko' ? 'en' : 'ko'}>
          {t('language')}
        </Button>
      </header>
      <p className="consent-hint">{t('readAlong')}</p>
      <h3>{t('purposeTitle')}</h3>
      <p>{t('purpose')}</p>
      <h3>{t('itemsTitle')}</h3>
      <p>{t('items')}</p>
      <h3>{t('retentionTitle')}</h3>
      <label className="consent-date">
        {t('retentionUntil')}
        <input type="date" value={until} min={localToday()} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <h3>{t('refusalTitle')}</h3>
      <p>{t('refusal')}</p>
      <p className="consent-never">{t('neverStored')}</p>
      <h3>{t('choicesTitle')}</h3>
      <YesNo
        name="sharePartners"
        legend={t('sharePartners')}
        yes={t('yes')}
        no={t('no')}
        value={share}
        onChange={setShare}
      />
      <YesNo name="photoUse" legend={t('photoUse')} yes={t('yes')} no={t('no')} value={photo} onChange={setPhoto} />
      <YesNo
        name="contactAfter"
        legend={t('contactAfter')}
        yes={t('yes')}
        no={t('no')}
        value={contact}
        onChange={setContact}
      />
      <fieldset className="consent-question">
        <legend>{t('methodTitle')}</legend>
        {CONSENT_METHODS.map((m) => (
          <label key={m} className="consent-choice">
            <input type="radio" name="method" checked={method === m} onChange={() => setMethod(m)} />
            {t(`method_${m}`)}
          </label>
        ))}
      </fieldset>
      <label className="consent-check">
        <input type="checkbox" checked={explained} onChange={(e) => setExplained(e.target.checked)} />
        {t('refusalExplained')}
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="consent-actions">
        <Button variant="secondary" size="large" onClick={() => props.onDone(false)}>
          {t('decline')}
        </Button>
        <Button variant="primary" size="large" onClick={() => void agree()}>
          {t('agree')}
        </Button>
      </div>
    </article>
  );
}
