import { app, session, shell } from 'electron'
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
