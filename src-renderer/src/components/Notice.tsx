import type { ReactNode } from 'react'

type Tone = 'info' | 'success' | 'error'

/** Errors are announced immediately (role=alert); other notices politely. */
export function Notice({ tone = 'info', children, onDismiss, dismissLabel }: { tone?: Tone; children: ReactNode; onDismiss?: () => void; dismissLabel?: string }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {onDismiss && (
        <button type="button" className="notice-dismiss" onClick={onDismiss} aria-label={dismissLabel}>
          ×
        </button>
      )}
    </div>
  )
}
