import { useRef } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { dateTextPattern, formatDateText, parseDateText } from '../i18n/dateText'
import { useTypedText } from './useTypedText'

interface DateFieldProps {
  /** YYYY-MM-DD, or '' for no date. */
  value: string
  /** Called with YYYY-MM-DD, or '' when an optional date is cleared; never with a date outside min…max. */
  onChange(value: string): void
  min?: string
  max?: string
  required?: boolean
  'aria-label'?: string
}

/**
 * A calendar date typed and shown in the app's language (22/11/2569 in Thai, 22/11/2026 in
 * Vietnamese, 11/22/2026 in English), with the browser's calendar one click away. A native date
 * input alone would follow the browser's or the OS's locale, not the app's.
 */
export function DateField({ value, onChange, min, max, required, 'aria-label': ariaLabel }: DateFieldProps) {
  const { locale, t } = useI18n()
  const picker = useRef<HTMLInputElement>(null)
  const pattern = dateTextPattern(locale)
  const show = (iso: string) => formatDateText(locale, iso)
  const { inputProps, errorNote, settle } = useTypedText({
    value,
    onChange,
    required,
    format: show,
    read(text) {
      const iso = parseDateText(locale, text)
      if (!iso) return { error: t('date.invalid', { example: show(value || max || min || '2026-01-31') }) }
      if (min && iso < min) return { error: t('date.tooEarly', { min: show(min) }) }
      if (max && iso > max) return { error: t('date.tooLate', { max: show(max) }) }
      return { value: iso }
    },
  })

  return (
    <span className="typed-field date-field">
      <input
        {...inputProps}
        inputMode="numeric"
        className="date-field-text"
        aria-label={ariaLabel}
        placeholder={pattern.order.map((part) => t(`date.part.${part}`)).join(pattern.separator)}
      />
      <button type="button" className="date-field-pick" title={t('date.pick')} aria-label={t('date.pick')} onClick={() => picker.current?.showPicker()}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.3" fill="none" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-field-native"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        onChange={(e) => {
          if (e.target.value) settle(e.target.value)
        }}
      />
      {errorNote}
    </span>
  )
}
