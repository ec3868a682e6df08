import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron'
import type { AppContext } from '../app/context'
import { createWorkspace, openWorkspace, saveCopy } from '../app/workspaceActions'

/** The File menu does what the start screen does; failures are shown, never swallowed. */
export function buildMenu(ctx: AppContext): void {
  const attempt = (work: () => Promise<unknown>) => async () => {
    try {
      await work()
    } catch (e) {
      dialog.showErrorBox('CX Desk', (e as Error).message)
    } finally {
      buildMenu(ctx)
    }
  }
  const recent = (ctx.prefs?.get().recent ?? []).map<MenuItemConstructorOptions>((r) => ({
    label: r.name,
    sublabel: r.path,
    click: attempt(() => ctx.session.openFile(r.path)),
  }))
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: attempt(() => createWorkspace(ctx, {})) },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: attempt(() => openWorkspace(ctx, {})) },
        { label: 'Open Recent', submenu: recent.length ? recent : [{ label: 'No recent workspaces', enabled: false }] },
        { type: 'separator' },
        { label: 'Import Responses…', accelerator: 'CmdOrCtrl+I', enabled: Boolean(ctx.session.open), click: () => ctx.events.emit('app.command', { command: 'import' }) },
        { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', enabled: Boolean(ctx.session.open), click: attempt(() => saveCopy(ctx, {})) },
        { label: 'Close Workspace', accelerator: 'CmdOrCtrl+W', enabled: Boolean(ctx.session.open), click: attempt(() => ctx.session.close()) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
