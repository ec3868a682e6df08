import { useRef } from 'react'
import { useRowEdges } from '../../components/useRowEdges'
import { useI18n } from '../../i18n/I18nProvider'

const keys = ['inbox.keys.move', 'inbox.keys.resolve', 'inbox.keys.tag', 'inbox.keys.search'] as const

/**
 * The inbox's keyboard shortcuts, one piece per key, each whole on its line. A dot separates two
 * pieces on the same line; where the hint wraps, the piece that ends a line keeps no dot after it
 * (useRowEdges marks it), so no line ends or begins with a separator.
 */
export function KeyboardHint() {
  const { t } = useI18n()
  const row = useRef<HTMLParagraphElement>(null)
  useRowEdges(row)
  return (
    <p className="muted small keyboard-hint" ref={row}>
      <span>{t('inbox.keys')}</span>
      {keys.map((k) => (
        <span key={k} className="key-hint">
          {t(k)}
        </span>
      ))}
    </p>
  )
}
