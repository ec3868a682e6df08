import type { DesktopBridge } from '../../../src-shared/api/bridge'
import { httpTransport } from './httpTransport'
import type { Transport } from './transportTypes'

// The interface lives in its own module so httpTransport can implement it without importing this one back.
export type { Transport }

declare global {
  interface Window {
    cxdesk?: DesktopBridge
  }
}

export function createTransport(): Transport {
  const bridge = window.cxdesk
  if (bridge) return { kind: 'desktop', invoke: bridge.invoke, subscribe: (l) => bridge.onEvent(l) }
  return httpTransport()
}
