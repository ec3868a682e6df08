import { LocaleSelect } from '../../components/LocaleSelect'
import { useI18n } from '../../i18n/I18nProvider'

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n()
  return (
    <label className="lang-switcher">
      <span className="sr-only">{t('lang.label')}</span>
      <LocaleSelect value={locale} onChange={setLocale} label={t('lang.label')} />
    </label>
  )
}
