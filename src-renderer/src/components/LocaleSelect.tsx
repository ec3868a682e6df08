import { isLocale, localeNames, locales, type Locale } from '../../../src-shared/domain/locales'

/** A choice of the app's three languages, each named in itself (the UI language, a template's, a report's). */
export function LocaleSelect({ value, onChange, label }: { value: Locale; onChange: (locale: Locale) => void; label?: string }) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => {
        if (isLocale(e.target.value)) onChange(e.target.value)
      }}
    >
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {localeNames[l]}
        </option>
      ))}
    </select>
  )
}
