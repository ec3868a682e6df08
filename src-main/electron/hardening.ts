import { app, session, shell, type WebPreferences } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN } from './protocol'

const isOurPage = (url: string, devUrl?: string) => url.startsWith(`${APP_ORIGIN}/`) || (devUrl !== undefined && url.startsWith(devUrl))

/**
 * Applies to every web contents the app ever creates: no new windows, no navigation away from the
 * app, no <webview>, no permission prompts; http(s) links open in the user's browser instead.
 */
export function hardenWebContents(devUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url, devUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isOurPage(url, devUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}

export { isOurPage }

/** Every window of the app (the main one, the hidden one that prints reports): isolated, sandboxed, our preload only. */
export function appWebPreferences(): WebPreferences {
  return {
    preload: join(__dirname, '../preload/index.js'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  }
}
