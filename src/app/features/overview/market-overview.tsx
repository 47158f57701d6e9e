// 현황: the market's funnel, channel friends, open blockers (each linking to its stall) and this week's visits
// per tutor. Numbers come computed from the repository; nothing here loads the market's records.
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { CHECKLIST_TEMPLATE_V1 } from '../../../domain';
import type { Funnel, Overview } from '../../db/repos/overview';
import { useSession } from '../../db/session';
import { useLanguage } from '../../i18n/use-language';
import { useOverview } from './use-overview';
import './overview.css';

const STAGES: (keyof Funnel)[] = ['stalls', 'visited', 'consented', 'channelOpened', 'businessVerified', 'completed'];

function FunnelTable({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('overview');
  const pct = (n: number) => (funnel.stalls ? Math.round((n / funnel.stalls) * 100) : 0);
  return (
    <table className="funnel">
      <caption>{t('funnel.caption', { count: funnel.stalls })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('funnel.stage')}</th>
          <th scope="col">{t('funnel.count')}</th>
          <th scope="col">{t('funnel.share')}</th>
        </tr>
      </thead>
      <tbody>
        {STAGES.map((k) => (
          <tr key={k}>
            <th scope="row">{t(`funnel.${k}`)}</th>
            <td className="funnel-count">{funnel[k]}</td>
            <td className="funnel-bar-cell">
              <span className="funnel-meter">
                <span className="funnel-track" aria-hidden="true">
                  <span className="funnel-bar" style={{ width: `${pct(funnel[k])}%` }} />
                </span>
                <span className="funnel-pct">{pct(funnel[k])}%</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Blockers({ blockers }: { blockers: Overview['blockers'] }) {
  const { t } = useTranslation('overview');
  const language = useLanguage();
  if (blockers.length === 0) return <p>{t('blockers.empty')}</p>;
  const stepName = (no: number) => {
    const s = CHECKLIST_TEMPLATE_V1.find((x) => x.no === no);
    return s ? (language === 'ko' ? s.ko : s.en) : '';
  };
  return (
    <ul className="blockers" aria-label={t('blockers.count', { count: blockers.length })}>
      {blockers.map((b) => (
        <li key={`${b.stallId}-${b.no}`}>
          <AppLink to={`/stalls/${b.stallId}`}>{b.stallName}</AppLink>
          <span className="blocker-step">{t('blockers.step', { no: b.no, name: stepName(b.no) })}</span>
          <span className="blocker-reason">{b.reason || t('blockers.noReason')}</span>
        </li>
      ))}
    </ul>
  );
}

function TutorTable({ rows }: { rows: Overview['perTutor'] }) {
  const { t } = useTranslation('overview');
  if (rows.length === 0) return <p>{t('tutors.empty')}</p>;
  return (
    <table className="tutor-week">
      <thead>
        <tr>
          <th scope="col">{t('tutors.tutor')}</th>
          <th scope="col">{t('tutors.done')}</th>
          <th scope="col">{t('tutors.scheduled')}</th>
          <th scope="col">{t('tutors.missed')}</th>
          <th scope="col">{t('tutors.total')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.tutorId}>
            <th scope="row">{r.name}</th>
            <td>{r.done}</td>
            <td>{r.scheduled}</td>
            <td>{r.missed}</td>
            <td>{r.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MarketOverview() {
  const { t } = useTranslation('overview');
  const session = useSession();
  const data = useOverview(session?.marketId);
  if (session && !session.marketId) return <p>{t('noMarket')}</p>;
  if (!data) return <p>{t('common:loading')}</p>;
  return (
    <div className="overview">
      <section className="card overview-funnel" aria-labelledby="ov-funnel">
        <h2 id="ov-funnel">{t('funnel.title')}</h2>
        <FunnelTable funnel={data.funnel} />
      </section>
      <section className="card overview-friends" aria-labelledby="ov-friends">
        <h2 id="ov-friends">{t('friends.title')}</h2>
        <p className="overview-big">{t('friends.total', { count: data.friends })}</p>
      </section>
      <section className="card overview-blockers" aria-labelledby="ov-blockers">
        <h2 id="ov-blockers">{t('blockers.title')}</h2>
        <Blockers blockers={data.blockers} />
      </section>
      <section className="card overview-tutors" aria-labelledby="ov-tutors">
        <h2 id="ov-tutors">{t('tutors.title')}</h2>
        <TutorTable rows={data.perTutor} />
      </section>
    </div>
  );
}
