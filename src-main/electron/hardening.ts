import { app, session, type WebPreferences } from 'electron'
import { join } from 'node:path'
import type { Locale } from '../../src-shared/domain/locales'
import { confirmAndOpenExternal } from './externalLinks'
import { APP_ORIGIN } from './protocol'

/**
 * The app's own pages: app://cxdesk/…, or in development the dev server's exact origin (compared
 * as an origin, so http://localhost:5173.evil.test is not taken for http://localhost:5173).
 */
export function isOurPage(url: string, devUrl?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true
  if (!devUrl) return false
  try {
    return new URL(url).origin === new URL(devUrl).origin
  } catch {
    return false
  }
}

export interface HardeningOptions {
  devUrl?: string
  /** The user's language now (it can change while the app runs), for the dialogs shown here. */
  locale: () => Locale
  /** Where a failure to show the confirmation goes. */
  log?: (message: string, error: unknown) => void
}

/**
 * Applies to every web contents the app ever creates: no new windows, no navigation away from the
 * app, no <webview>, no permissions, no device pickers; an http(s) link that asks for a new window
 * opens in the user's browser once they agreed.
 */
export function hardenWebContents(opts: HardeningOptions): void {
  const log = opts.log ?? ((message, error) => console.error(message, error))
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      confirmAndOpenExternal(url, { locale: opts.locale(), from: contents }).catch((e: unknown) => log('[desktop] could not offer the link', e))
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url, opts.devUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isOurPage(url, opts.devUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    // Without this, Chromium would pick the first Bluetooth device a page asks for.
    contents.on('select-bluetooth-device', (event, _devices, callback) => {
      event.preventDefault()
      callback('')
    })
  })
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    session.defaultSession.setDevicePermissionHandler(() => false)
  })
}

/** Every window of the app (the main one, the hidden one that prints reports): isolated, sandboxed, our preload only. */
export function appWebPreferences(): WebPreferences {
  return {
    preload: join(__dirname, '../preload/index.js'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}
