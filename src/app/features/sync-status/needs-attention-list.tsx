// "Needs attention": changes the server refused for good, with its reason, and the tutor's three choices:
// send again, keep my change (only on this tablet), undo my change (roll back its local effect).
import { useTranslation } from '../../i18n/use-translation';
import { Button } from '../../ui/button';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { getSyncEngine, useNeedsAttention, type NeedsAttentionEntry } from '../../sync/index';

function Item({ entry }: { entry: NeedsAttentionEntry }) {
  const { t } = useTranslation('sync-status');
  const language = useLanguage();
  const engine = getSyncEngine();
  const seq = entry.seq ?? -1;
  const what = t('attention.what', { entity: t(`entity.${entry.entity}`) });
  const reason = language === 'ko' ? entry.reasonKo : entry.reason;
  return (
    <li className="card" aria-label={what}>
      <h3>{what}</h3>
      <p>{formatDate(entry.change.at, 'dateTime', language)}</p>
      <p>{t('attention.reason', { reason })}</p>
      <div className="sync-actions">
        <Button variant="primary" onClick={() => void engine.retryRejected(seq)}>
          {t('attention.retry')}
        </Button>
        <Button onClick={() => void engine.discardRejected(seq, { rollback: false })} title={t('attention.keepHint')}>
          {t('attention.keep')}
        </Button>
        <Button variant="danger" onClick={() => void engine.discardRejected(seq, { rollback: true })}>
          {t('attention.undo')}
        </Button>
      </div>
    </li>
  );
}

export function NeedsAttentionList() {
  const { t } = useTranslation('sync-status');
  const entries = useNeedsAttention();
  return (
    <section aria-labelledby="sync-attention">
      <h2 id="sync-attention">{t('attention.title')}</h2>
      {entries && entries.length > 0 ? (
        <>
          <p>{t('attention.intro')}</p>
          <ul className="sync-list">
            {entries.map((e) => (
              <Item key={e.seq} entry={e} />
            ))}
          </ul>
        </>
      ) : (
        <p>{t('attention.empty')}</p>
      )}
    </section>
  );
}
