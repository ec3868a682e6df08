import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, FakeEvent, FakeWebContents, app, fake } from '../../helpers/fakeElectron'
import { appWebPreferences, hardenWebContents, isOurPage } from '../../../src-main/electron/hardening'
import { externalTarget } from '../../../src-main/electron/externalLinks'
import { translator } from '../../../src-shared/i18n/translate'
import type { Locale } from '../../../src-shared/domain/locales'

vi.mock('electron', () => import('../../helpers/fakeElectron'))

let locale: Locale = 'en'
const logged: unknown[] = []

/** A page's web contents, announced to the app as Electron does, with the app's guards attached. */
function contents(): FakeWebContents {
  const wc = new FakeWebContents()
  app.emit('web-contents-created', new FakeEvent(), wc)
  return wc
}
function navigate(wc: FakeWebContents, name: 'will-navigate' | 'will-redirect', url: string): boolean {
  const event = new FakeEvent()
  wc.emit(name, event, url)
  return event.defaultPrevented
}

beforeEach(() => {
  fake.reset()
  locale = 'en'
  logged.length = 0
  hardenWebContents({ locale: () => locale, log: (_m, e) => logged.push(e) })
})

describe('every window of the app', () => {
  it('is isolated, sandboxed, without Node, with web security and no <webview> tag', () => {
    expect(appWebPreferences()).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(appWebPreferences().preload).toMatch(/preload[\\/]index\.js$/)
  })
})

describe('navigation guards', () => {
  it('let the app move between its own pages and stop everything else', () => {
    const wc = contents()
    expect(navigate(wc, 'will-navigate', 'app://cxdesk/index.html#/inbox')).toBe(false)
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://cxdesk.evil/x', 'app://other/index.html', 'javascript:alert(1)', 'about:blank']) {
      expect(navigate(wc, 'will-navigate', url), url).toBe(true)
      expect(navigate(wc, 'will-redirect', url), url).toBe(true)
    }
  })

  it('accept the dev server by its exact origin only', () => {
    expect(isOurPage('http://localhost:5173/#/inbox', 'http://localhost:5173')).toBe(true)
    expect(isOurPage('http://localhost:5173.evil.test/', 'http://localhost:5173')).toBe(false)
    expect(isOurPage('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(isOurPage('http://localhost:5173@evil.test/', 'http://localhost:5173')).toBe(false)
    expect(isOurPage('not a url', 'http://localhost:5173')).toBe(false)
    expect(isOurPage('http://localhost:5173/', undefined)).toBe(false)
  })

  it('refuse every <webview> and every Bluetooth device pick', () => {
    const wc = contents()
    const attach = new FakeEvent()
    wc.emit('will-attach-webview', attach, {}, {})
    expect(attach.defaultPrevented).toBe(true)
    const pick = new FakeEvent()
    const chosen = vi.fn()
    wc.emit('select-bluetooth-device', pick, [{ deviceId: 'a' }], chosen)
    expect(pick.defaultPrevented).toBe(true)
    expect(chosen).toHaveBeenCalledWith('')
  })
})

describe('permissions', () => {
  it('are denied, asked or checked, once the app is ready', async () => {
    fake.becomeReady()
    await app.whenReady()
    await Promise.resolve()
    const granted = vi.fn()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) fake.permissionRequestHandler!({}, permission, granted)
    expect(granted.mock.calls.every(([g]) => g === false)).toBe(true)
    expect(granted).toHaveBeenCalledTimes(6)
    expect(fake.permissionCheckHandler!({}, 'media', 'app://cxdesk')).toBe(false)
    expect(fake.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false)
  })
})

describe('links to the outside (defect 5)', () => {
  const open = (wc: FakeWebContents, url: string) => wc.windowOpenHandler!({ url })

  it('never open a window, and open an http(s) address only after the user agreed in a dialog naming it', async () => {
    const win = new BrowserWindow({ webPreferences: appWebPreferences() })
    expect(open(win.webContents, 'https://example.com/help?a=1')).toEqual({ action: 'deny' })
    await expect.poll(() => fake.messageBoxes.length).toBe(1)
    const box = fake.messageBoxes[0]
    expect(box.parent).toBe(win)
    expect(box.options.detail).toContain('https://example.com/help?a=1')
    expect(box.options.buttons).toEqual(['Open in browser', 'Cancel'])
    expect(box.options.cancelId).toBe(1)
    expect(box.options.defaultId).toBe(1)
    // The user cancelled (the fake's default answer).
    expect(fake.openedExternally).toEqual([])

    fake.messageBoxResponse = 0
    open(win.webContents, 'https://example.com/help?a=1')
    await expect.poll(() => fake.openedExternally).toEqual(['https://example.com/help?a=1'])
  })

  it('ask in the user’s language', async () => {
    for (const l of ['vi', 'th'] as const) {
      locale = l
      fake.messageBoxes = []
      open(contents(), 'http://example.com/')
      await expect.poll(() => fake.messageBoxes.length).toBe(1)
      const t = translator(l)
      expect(fake.messageBoxes[0].options).toMatchObject({ message: t('external.title'), buttons: [t('external.open'), t('common.cancel')] })
      expect(fake.messageBoxes[0].options.detail).toContain('http://example.com/')
    }
  })

  it('never hand file:, javascript:, data: or other schemes to the OS, nor ask about them', async () => {
    fake.messageBoxResponse = 0
    const wc = contents()
    const refused = ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'smb://server/share', 'ms-settings:', 'vbscript:x', 'not a url', `https://example.com/${'a'.repeat(3_000)}`]
    for (const url of refused) expect(open(wc, url), url).toEqual({ action: 'deny' })
    // One allowed link after them: once its dialog shows, the refused ones would have shown theirs.
    open(wc, 'https://example.org/')
    await expect.poll(() => fake.openedExternally).toEqual(['https://example.org/'])
    expect(fake.messageBoxes).toHaveLength(1)
  })

  it('show the address as the browser will use it (look-alike host names in punycode)', () => {
    expect(externalTarget('https://exаmple.com/')).toBe('https://xn--exmple-4nf.com/')
    expect(externalTarget('HTTPS://Example.COM')).toBe('https://example.com/')
    expect(externalTarget(' javascript:alert(1)')).toBeNull()
  })
})
