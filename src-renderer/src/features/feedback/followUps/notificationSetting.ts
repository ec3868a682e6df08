import { useSyncExternalStore } from 'react'

const KEY = 'cxdesk.notifications'
const listeners = new Set<() => void>()

/** What the user chose on this computer: 'on' after they asked for notifications, 'off' after they turned them off, null before either. */
function read(): 'on' | 'off' | null {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'on' || v === 'off' ? v : null
  } catch {
    return null
  }
}

export function setNotificationChoice(v: 'on' | 'off'): void {
  try {
    localStorage.setItem(KEY, v)
  } catch {
    // Storage refused (private mode): the choice lasts until the page closes.
  }
  memory = v
  for (const l of listeners) l()
}

let memory: 'on' | 'off' | null = null
const snapshot = () => read() ?? memory

/** The browser's own permission, where there is a Notification API. */
export function browserPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

/**
 * Whether reminders may show desktop notifications here. The desktop app shows them unless the user
 * turned them off; a browser only after the user asked (an explicit button, never on load) and
 * allowed them.
 */
export function useNotificationChoice(desktop: boolean): { choice: 'on' | 'off' | null; enabled: boolean } {
  const choice = useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    snapshot,
    snapshot,
  )
  const enabled = desktop ? choice !== 'off' : choice === 'on' && browserPermission() === 'granted'
  return { choice, enabled }
}
