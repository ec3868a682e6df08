import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react'

export interface MenuAction {
  label: string
  onSelect: () => void
  disabled?: boolean
  danger?: boolean
}

/** A small "⋯" menu of actions: opens on click or Enter, closes on Escape or a click elsewhere, arrow keys move between items. */
export function ActionMenu({ label, actions, className, trigger }: { label: string; actions: MenuAction[]; className?: string; trigger?: ReactNode }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) {
        setOpen(false)
        if (e instanceof KeyboardEvent) ref.current?.querySelector<HTMLButtonElement>('button')?.focus()
      }
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus()
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])
  const moveFocus = (e: ReactKeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])]
    const i = items.indexOf(document.activeElement as HTMLButtonElement)
    items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus()
  }
  return (
    <div className={`jm-menu${className ? ` ${className}` : ''}`} ref={ref} onPointerDown={(e) => e.stopPropagation()}>
      <button
        type="button"
        className={trigger ? 'btn btn-secondary' : 'jm-menu-button'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={trigger ? undefined : label}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        {trigger ?? '⋯'}
      </button>
      {open && (
        <ul className="menu-list jm-menu-list" role="menu" aria-label={label} onKeyDown={moveFocus}>
          {actions.map((a) => (
            <li role="none" key={a.label}>
              <button
                type="button"
                role="menuitem"
                disabled={a.disabled}
                className={a.danger ? 'danger' : undefined}
                onClick={() => {
                  setOpen(false)
                  a.onSelect()
                }}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
