// 설정: language, who is using the tablet, storage, sync link, export/import, the demo market.
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { BackupSection } from './backup-section';
import { DemoSection } from './demo-section';
import { LanguageSection } from './language-section';
import { StorageSection } from './storage-section';
import { TutorSection } from './tutor-section';
import './settings.css';

export function SettingsScreen({ onSwitchTutor }: { onSwitchTutor: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <div className="settings">
      <LanguageSection />
      <TutorSection onSwitch={onSwitchTutor} />
      <section className="card settings-section" aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('sync.title')}</h2>
        <div className="settings-row">
          <AppLink className="btn btn-primary" to="/sync">
            {t('sync.link')}
          </AppLink>
          <AppLink className="btn btn-secondary" to="/device">
            {t('sync.device')}
          </AppLink>
        </div>
      </section>
      <StorageSection />
      <BackupSection />
      <DemoSection />
    </div>
  );
}
