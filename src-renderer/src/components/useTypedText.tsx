import { useId, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react'

interface TypedText {
  /** The value held ('' for none), in the form the app stores it (YYYY-MM-DD, HH:MM). */
  value: string
  onChange(value: string): void
  /** How the value is shown in the field. */
  format(value: string): string
  /** Reads typed text: the value, or a sentence saying what to type instead. */
  read(text: string): { value: string } | { error: string }
  /** A required value cannot be cleared: emptying the text puts the value back. */
  required?: boolean
}

/**
 * A field that holds a typed value (a date, a time) shown in the app's language: the text is edited
 * freely and read when the user presses Enter or leaves the field; what cannot be read is said next to
 * the field and the value stays as it was; Escape puts the text back.
 */
export function useTypedText({ value, onChange, format, read, required }: TypedText) {
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()

  const settle = (next: string) => {
    setDraft(null)
    setError(null)
    if (next !== value) onChange(next)
  }

  const commit = () => {
    if (draft === null) return
    if (draft.trim() === '') {
      settle(required ? value : '')
      return
    }
    const result = read(draft)
    if ('error' in result) setError(result.error)
    else settle(result.value)
  }

  const inputProps: InputHTMLAttributes<HTMLInputElement> = {
    type: 'text',
    autoComplete: 'off',
    value: draft ?? (value ? format(value) : ''),
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onChange(e) {
      setDraft(e.target.value)
      setError(null)
    },
    onBlur: commit,
    onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
      if (e.key === 'Enter') {
        // Inside a form (the inbox's search, a dialog), Enter sets the value rather than submitting.
        e.preventDefault()
        commit()
      } else if (e.key === 'Escape' && draft !== null) {
        e.stopPropagation()
        setDraft(null)
        setError(null)
      }
    },
  }

  const errorNote = error && (
    <span id={errorId} className="typed-field-error" role="alert">
      {error}
    </span>
  )
  return { inputProps, errorNote, settle }
}
