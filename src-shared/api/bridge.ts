import type { RawInvoke } from './contract'
import type { AppEvent } from './events'

/** What the desktop preload exposes as window.cxdesk: one invoke, one event subscription, nothing else. */
export interface DesktopBridge {
  readonly platform: 'desktop'
  invoke: RawInvoke
  onEvent(listener: (event: AppEvent) => void): () => void
}

/** The IPC channel names between preload and main. */
export const IPC_INVOKE = 'cxdesk:invoke'
export const IPC_EVENT = 'cxdesk:event'
