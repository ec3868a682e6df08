import { useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { Button } from './Button'

/**
 * Picks one file with a button in the UI's language (the browser's own file input labels its
 * button "Choose File" in the browser's language, whatever the app's): a translated button that
 * opens a hidden file input, and the chosen file's name beside it.
 */
export function FileButton({ accept, onFile, label, ariaLabel, disabled }: { accept: string; onFile: (file: File) => void; label?: string; ariaLabel?: string; disabled?: boolean }) {
  const { t } = useI18n()
  const input = useRef<HTMLInputElement>(null)
  const [name, setName] = useState<string | null>(null)
  const nameId = useId()
  return (
    <span className="file-button">
      <Button onClick={() => input.current?.click()} disabled={disabled} aria-describedby={name ? nameId : undefined}>
        {label ?? t('common.chooseFile')}
      </Button>
      <input
        ref={input}
        type="file"
        className="sr-only"
        tabIndex={-1}
        // The visible button is the control; the input only holds the browser's picker (its label serves tests and automation).
        aria-hidden="true"
        accept={accept}
        aria-label={ariaLabel ?? label ?? t('common.chooseFile')}
        onChange={(e) => {
          const file = e.target.files?.[0]
          // The same file may be chosen again after a failure: clear the input so that it fires again.
          e.target.value = ''
          if (!file) return
          setName(file.name)
          onFile(file)
        }}
      />
      {name && (
        <span id={nameId} className="file-button-name muted" title={name}>
          {name}
        </span>
      )}
    </span>
  )
}
