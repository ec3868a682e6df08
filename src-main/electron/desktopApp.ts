import { BrowserWindow, app, dialog } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createAppContext } from '../app/createAppContext'
import { createDispatcher } from '../app/dispatch'
import { resolvePaths } from '../common/paths'
import { handlers } from '../handlers/index'
import { openInitialWorkspace } from '../app/workspaceActions'
import { isAppError } from '../../src-shared/api/result'
import { desktopPlatform } from './dialogs'
import { electronPdfPrinter } from './pdf'
import { appWebPreferences, hardenWebContents } from './hardening'
import { registerIpc } from './ipc'
import { buildMenu } from './menu'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol'
import { userLocale } from './locale'
import type { AppContext } from '../app/context'
import { watchExternalWrites } from '../workspace/externalWrites'

/** A workspace file the OS asked us to open (double-click, "Open with"), from the command line. */
const workspaceInArgs = (argv: string[]) => argv.slice(1).find((a) => a.toLowerCase().endsWith('.cxdesk') && existsSync(a))

function createWindow(devUrl?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'CX Desk',
    icon: join(__dirname, '../../resources/icon.png'),
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: appWebPreferences(),
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

export function startDesktopApp(): void {
  const paths = resolvePaths()
  app.setName('CX Desk')
  app.setPath('userData', paths.dataDir)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  registerAppScheme()
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  // The context exists once the app is ready; a link offered before that is asked in the system's language.
  let ctxOnceReady: AppContext | null = null
  hardenWebContents({ devUrl, locale: () => userLocale(ctxOnceReady) })
  // macOS delivers double-clicked files as events, possibly before the app is ready.
  let openWhenReady: string | null = workspaceInArgs(process.argv) ?? null
  let openFile: ((path: string) => void) | null = null
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (openFile) openFile(path)
    else openWhenReady = path
  })

  void app.whenReady().then(async () => {
    serveRenderer(join(__dirname, '../renderer'))
    const ctx = createAppContext({
      platform: { ...desktopPlatform(paths.workspacesDir), rendererDir: join(__dirname, '../renderer'), printToPdf: electronPdfPrinter(devUrl ?? `${APP_ORIGIN}/index.html`) },
      paths,
      // npm start builds better-sqlite3 for Electron's ABI beside the Node build the tests use.
      sqlite: { nativeBinding: process.env.CXDESK_SQLITE_BINDING || undefined },
    })
    ctxOnceReady = ctx
    const invoke = createDispatcher(handlers, ctx, { onInternalError: (channel, e) => console.error(`[${channel}]`, e) })
    registerIpc(invoke, ctx.events, devUrl)
    // Answers from `cxdesk collect` (another process writing the same file) show within a second.
    watchExternalWrites({ workspace: () => ctx.session.open, events: ctx.events })
    ctx.events.subscribe((e) => {
      if (e.name === 'workspace.changed') buildMenu(ctx)
    })
    // A cancel is the user's own choice (the window's Cancel): nothing to report.
    const openFailed = (e: unknown) => {
      if (!isAppError(e) || e.code !== 'CANCELLED') dialog.showErrorBox('CX Desk', (e as Error).message)
    }
    openFile = (path) => void ctx.session.openFile(path).catch(openFailed)
    buildMenu(ctx)
    // The window first: opening a large workspace takes a while, and the window shows how far it is.
    let win = createWindow(devUrl)
    if (openWhenReady) void ctx.session.openFile(openWhenReady).catch(openFailed)
    else void openInitialWorkspace(ctx).catch((e) => console.error(e))
    app.on('second-instance', (_event, argv) => {
      const file = workspaceInArgs(argv)
      if (file) openFile?.(file)
      if (win.isMinimized()) win.restore()
      win.focus()
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = createWindow(devUrl)
    })
    let closing = false
    app.on('before-quit', (event) => {
      if (closing) return
      // Fold the WAL back into the workspace file before exit, so it is one self-contained file.
      event.preventDefault()
      closing = true
      void ctx.collection
        .stop()
        .then(() => ctx.session.stopOpening())
        .then(() => ctx.session.close())
        .finally(() => app.quit())
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
