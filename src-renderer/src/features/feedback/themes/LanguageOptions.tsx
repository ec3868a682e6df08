import { useI18n } from '../../../i18n/I18nProvider'

/** The languages comments are analysed in (keyword rules, sentiment lexicon). */
export const commentLanguages = ['en', 'vi', 'th'] as const
export type CommentLanguage = (typeof commentLanguages)[number]

export function LanguageOptions() {
  const { t } = useI18n()
  return (
    <>
      {commentLanguages.map((l) => (
        <option key={l} value={l}>
          {t(`language.${l}`)}
        </option>
      ))}
    </>
  )
}
