import { useI18n } from '../i18n/I18nProvider'
import { formatTimeText, parseTimeText } from '../i18n/timeText'
import { useTypedText } from './useTypedText'

/**
 * A time of day (HH:MM, or '' for none) typed and shown in the app's language: 18:35 in Vietnamese
 * and Thai, 6:35 PM in English, whatever the browser's own locale would make of a native time input.
 */
export function TimeField({ value, onChange, required, 'aria-label': ariaLabel }: { value: string; onChange(value: string): void; required?: boolean; 'aria-label'?: string }) {
  const { locale, t } = useI18n()
  const show = (hhmm: string) => formatTimeText(locale, hhmm)
  const { inputProps, errorNote } = useTypedText({
    value,
    onChange,
    required,
    format: show,
    read(text) {
      const hhmm = parseTimeText(text)
      return hhmm ? { value: hhmm } : { error: t('time.invalid', { example: show('18:35') }) }
    },
  })
  return (
    <span className="typed-field">
      <input {...inputProps} className="time-field-text" aria-label={ariaLabel} placeholder={show('18:35')} />
      {errorNote}
    </span>
  )
}
