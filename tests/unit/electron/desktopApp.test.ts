import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow, FakeEvent, app, fake } from '../../helpers/fakeElectron'
import { IPC_INVOKE } from '../../../src-shared/api/bridge'
import { translator } from '../../../src-shared/i18n/translate'

vi.mock('electron', () => import('../../helpers/fakeElectron'))

/** What every window of the app must have, whoever creates it. */
const SAFE = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false }

let home: string
const savedHome = process.env.CXDESK_HOME

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'cxdesk-desktop-'))
  // Not a first run (no demo to build), and the user chose Thai.
  writeFileSync(join(home, 'preferences.json'), JSON.stringify({ locale: 'th' }))
  process.env.CXDESK_HOME = home
  fake.reset()
  const { startDesktopApp } = await import('../../../src-main/electron/desktopApp')
  startDesktopApp()
  expect(fake.windows).toHaveLength(0)
  fake.becomeReady()
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
})
afterAll(async () => {
  const quit = new FakeEvent()
  app.emit('before-quit', quit)
  expect(quit.defaultPrevented).toBe(true)
  await vi.waitFor(() => expect(app.quitCalls).toBe(1))
  process.env.CXDESK_HOME = savedHome
  rmSync(home, { recursive: true, force: true })
})

describe('the desktop shell, wired as it starts', () => {
  it('registers app:// as privileged before Electron is ready, and serves it once ready', () => {
    expect(fake.schemesRegisteredBeforeReady).toBe(true)
    expect(fake.protocolHandlers.has('app')).toBe(true)
  })

  it('opens its window on the app’s own page, hidden until drawn, with the safe preferences', () => {
    const [win] = fake.windows
    expect(win.options.webPreferences).toMatchObject(SAFE)
    expect(win.options.show).toBe(false)
    expect(win.loaded).toEqual(['app://cxdesk/index.html'])
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('guards the window’s contents: no navigation away, no new windows, no webview', () => {
    const wc = fake.windows[0].webContents
    const away = new FakeEvent()
    wc.emit('will-navigate', away, 'https://evil.test/')
    expect(away.defaultPrevented).toBe(true)
    const webview = new FakeEvent()
    wc.emit('will-attach-webview', webview, {}, {})
    expect(webview.defaultPrevented).toBe(true)
    expect(wc.windowOpenHandler?.({ url: 'app://cxdesk/index.html' })).toEqual({ action: 'deny' })
  })

  it('asks before opening a link, in the language the user chose', async () => {
    fake.messageBoxes = []
    fake.windows[0].webContents.windowOpenHandler!({ url: 'https://example.com/' })
    await expect.poll(() => fake.messageBoxes.length).toBe(1)
    expect(fake.messageBoxes[0].options.message).toBe(translator('th')('external.title'))
    expect(fake.openedExternally).toEqual([])
  })

  it('denies every permission and registers the one IPC channel', () => {
    const granted = vi.fn()
    fake.permissionRequestHandler!({}, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(fake.permissionCheckHandler!({}, 'clipboard-read')).toBe(false)
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE])
  })

  it('answers the window’s API calls, and nobody else’s', async () => {
    const handler = fake.ipcHandlers.get(IPC_INVOKE)!
    expect(await handler({ senderFrame: { url: 'app://cxdesk/index.html', parent: null } }, 'app.info', {})).toMatchObject({ ok: true, data: { platform: 'desktop', locale: 'th' } })
    expect(await handler({ senderFrame: { url: 'https://evil.test/', parent: null } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })

  it('prints reports in a hidden window with the same safe preferences, guarded like the main one, and closes it', async () => {
    const { electronPdfPrinter } = await import('../../../src-main/electron/pdf')
    const pdf = await electronPdfPrinter('app://cxdesk/index.html')({ route: '#/print/job-1' })
    expect(pdf.toString()).toContain('%PDF')
    const printer = fake.windows[1]
    expect(printer.options.show).toBe(false)
    expect(printer.options.webPreferences).toMatchObject(SAFE)
    // The print entry beside the app's page, not the whole app.
    expect(printer.loaded).toEqual(['app://cxdesk/print.html#/print/job-1'])
    expect(printer.webContents.windowOpenHandler).not.toBeNull()
    expect(printer.isDestroyed()).toBe(true)
  })

  it('gives every window it made the safe preferences', () => {
    expect(fake.windows.length).toBeGreaterThanOrEqual(2)
    for (const win of fake.windows) expect(win.options.webPreferences).toMatchObject(SAFE)
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })
})
