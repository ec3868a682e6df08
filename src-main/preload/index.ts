import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { DesktopBridge } from '../../src-shared/api/bridge'
import type { AppEvent } from '../../src-shared/api/events'
import type { Result } from '../../src-shared/api/result'

// Kept in step with src-shared/api/bridge.ts; a sandboxed preload cannot share modules at run time.
const IPC_INVOKE = 'cxdesk:invoke'
const IPC_EVENT = 'cxdesk:event'

/**
 * The whole surface the page gets: invoke a contract channel (validated again in main), and
 * listen to push events. No ipcRenderer, no Node, no generic send.
 */
const bridge: DesktopBridge = {
  platform: 'desktop',
  invoke: (channel, payload) => ipcRenderer.invoke(IPC_INVOKE, String(channel), payload) as Promise<Result<unknown>>,
  onEvent(listener) {
    const wrapped = (_e: IpcRendererEvent, event: AppEvent) => listener(event)
    ipcRenderer.on(IPC_EVENT, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped)
  },
}

contextBridge.exposeInMainWorld('cxdesk', bridge)
