// Language: Korean first, English switchable; the choice applies at once and is kept on the tablet.
import { useTranslation } from '../../i18n/use-translation';
import { LANGUAGES } from '../../i18n/index';
import { useLanguage } from '../../i18n/use-language';
import { useSetLanguage } from './use-language-setting';

export function LanguageSection() {
  const { t } = useTranslation('settings');
  const language = useLanguage();
  const setLanguage = useSetLanguage();
  return (
    <section className="card settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('language.title')}</h2>
      <fieldset className="settings-choices">
        <legend>{t('language.label')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="settings-choice" lang={l}>
            <input
              type="radio"
              name="language"
              value={l}
              checked={language === l}
              onChange={() => void setLanguage(l)}
            />
            {t(`language.${l}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
