import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { RawInvoke } from '../../src-shared/api/contract'
import { IPC_EVENT, IPC_INVOKE } from '../../src-shared/api/bridge'
import type { EventBus } from '../common/events'
import { isOurPage } from './hardening'

/** Only the top frame of our own page may call the API; anything else (an injected frame, a stray page) is refused. */
function trustedSender(event: IpcMainInvokeEvent, devUrl?: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isOurPage(frame.url, devUrl)
}

export function registerIpc(invoke: RawInvoke, events: EventBus, devUrl?: string): void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, payload: unknown) => {
    if (!trustedSender(event, devUrl)) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Calls are only accepted from the CX Desk window.' } }
    return invoke(String(channel), payload)
  })
  events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event)
  })
}
