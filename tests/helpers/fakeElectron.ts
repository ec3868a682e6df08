/**
 * A stand-in for the `electron` module, for testing the desktop shell's wiring where Electron
 * cannot run. It records what the code under test asked for (windows and their preferences,
 * handlers, dialogs, opened links) and lets a test play Electron's part: emit events, call the
 * handlers the app registered, answer dialogs. Use with
 *   vi.mock('electron', () => import('../../helpers/fakeElectron'))
 * and reset it with `fake.reset()` between tests.
 */
type Listener = (...args: never[]) => unknown

class Emitter {
  private listeners = new Map<string, Array<{ fn: Listener; once: boolean }>>()
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), { fn, once: false }])
    return this
  }
  once(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), { fn, once: true }])
    return this
  }
  removeListener(name: string, fn: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l.fn !== fn))
    return this
  }
  off(name: string, fn: Listener): this {
    return this.removeListener(name, fn)
  }
  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }
  /** What Electron would do: call every listener with these arguments. */
  emit(name: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(name) ?? []
    this.listeners.set(name, list.filter((l) => !l.once))
    for (const l of list) (l.fn as (...a: unknown[]) => unknown)(...args)
    return list.length > 0
  }
  removeAllListeners(): void {
    this.listeners.clear()
  }
}

/** An Electron event: records preventDefault. */
export class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export type WindowOpenHandler = (details: { url: string; frameName?: string; disposition?: string }) => { action: 'deny' | 'allow' }

export class FakeWebContents extends Emitter {
  windowOpenHandler: WindowOpenHandler | null = null
  sent: Array<{ channel: string; args: unknown[] }> = []
  /** What executeJavaScript answers (the print page's readiness check reads 'ready'). */
  evaluateResult: unknown = 'ready'
  destroyed = false
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  async executeJavaScript(_code: string): Promise<unknown> {
    return this.evaluateResult
  }
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    fake.printed.push(options)
    return Buffer.from('%PDF-1.7 fake')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class BrowserWindow extends Emitter {
  static getAllWindows(): BrowserWindow[] {
    return fake.windows.filter((w) => !w.destroyed)
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows()[0] ?? null
  }
  static fromWebContents(contents: FakeWebContents): BrowserWindow | null {
    return fake.windows.find((w) => w.webContents === contents) ?? null
  }
  readonly webContents = new FakeWebContents()
  readonly loaded: string[] = []
  destroyed = false
  shown = false
  constructor(readonly options: { show?: boolean; webPreferences?: object; [key: string]: unknown }) {
    super()
    fake.windows.push(this)
    // As in Electron: every new web contents is announced to the app first.
    app.emit('web-contents-created', new FakeEvent(), this.webContents)
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
  }
  show(): void {
    this.shown = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
    this.webContents.destroyed = true
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
}

class FakeApp extends Emitter {
  isPackaged = true
  name = ''
  paths: Record<string, string> = {}
  quitCalls = 0
  private ready!: () => void
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve))
  setName(name: string): void {
    this.name = name
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/fake/${name}`
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  quit(): void {
    this.quitCalls++
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  getPreferredSystemLanguages(): string[] {
    return fake.systemLanguages
  }
  /** The test's cue that Electron finished starting. */
  becomeReady(): void {
    this.ready()
  }
  resetReady(): void {
    this.readyPromise = new Promise<void>((resolve) => (this.ready = resolve))
  }
}

export const app = new FakeApp()

type MessageBoxOptions = { type?: string; buttons: string[]; defaultId?: number; cancelId?: number; title?: string; message: string; detail?: string }

export const dialog = {
  async showMessageBox(parentOrOptions: BrowserWindow | MessageBoxOptions, maybeOptions?: MessageBoxOptions): Promise<{ response: number }> {
    const parent = parentOrOptions instanceof BrowserWindow ? parentOrOptions : null
    const options = (parentOrOptions instanceof BrowserWindow ? maybeOptions : parentOrOptions) as MessageBoxOptions
    fake.messageBoxes.push({ parent, options })
    return { response: fake.messageBoxResponse }
  },
  showErrorBox(title: string, content: string): void {
    fake.errorBoxes.push({ title, content })
  },
  async showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return { canceled: true, filePaths: [] }
  },
  async showSaveDialog(): Promise<{ canceled: boolean; filePath?: string }> {
    return { canceled: true }
  },
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    fake.openedExternally.push(url)
  },
  async openPath(path: string): Promise<string> {
    fake.openedPaths.push(path)
    return ''
  },
}

export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown

export const ipcMain = {
  handle(channel: string, handler: IpcHandler): void {
    fake.ipcHandlers.set(channel, handler)
  },
  on(channel: string, listener: IpcHandler): void {
    fake.ipcListeners.set(channel, listener)
  },
}

export const ipcRenderer = new (class extends Emitter {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    fake.rendererInvokes.push({ channel, args })
    return { ok: true, data: null }
  }
  send(channel: string, ...args: unknown[]): void {
    fake.rendererSends.push({ channel, args })
  }
})()

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    fake.exposed.push({ key, api })
  },
}

export type ProtocolHandler = (request: Request) => Promise<Response> | Response

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.privilegedSchemes.push(...schemes)
    fake.schemesRegisteredBeforeReady = !fake.readyCalled
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    fake.protocolHandlers.set(scheme, handler)
  },
}

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void
type PermissionCheckHandler = (wc: unknown, permission: string, origin?: string, details?: unknown) => boolean
type DeviceHandler = (details: unknown) => boolean

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      fake.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      fake.permissionCheckHandler = handler
    },
    setDevicePermissionHandler(handler: DeviceHandler): void {
      fake.devicePermissionHandler = handler
    },
  },
}

export const Menu = {
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template }
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    fake.menus.push(menu)
  },
}

/** Everything recorded, and the answers the test chose. */
export const fake = {
  windows: [] as BrowserWindow[],
  messageBoxes: [] as Array<{ parent: BrowserWindow | null; options: MessageBoxOptions }>,
  /** The button the user "clicks" in the next message box (0: the first). */
  messageBoxResponse: 1,
  errorBoxes: [] as Array<{ title: string; content: string }>,
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  ipcHandlers: new Map<string, IpcHandler>(),
  ipcListeners: new Map<string, IpcHandler>(),
  rendererInvokes: [] as Array<{ channel: string; args: unknown[] }>,
  rendererSends: [] as Array<{ channel: string; args: unknown[] }>,
  exposed: [] as Array<{ key: string; api: unknown }>,
  privilegedSchemes: [] as unknown[],
  schemesRegisteredBeforeReady: false,
  readyCalled: false,
  protocolHandlers: new Map<string, ProtocolHandler>(),
  permissionRequestHandler: null as PermissionRequestHandler | null,
  permissionCheckHandler: null as PermissionCheckHandler | null,
  devicePermissionHandler: null as DeviceHandler | null,
  menus: [] as unknown[],
  printed: [] as Array<Record<string, unknown>>,
  systemLanguages: ['en-US'],
  /** Electron has started: whenReady() resolves. */
  becomeReady(): void {
    fake.readyCalled = true
    app.becomeReady()
  },
  reset(): void {
    fake.windows = []
    fake.messageBoxes = []
    fake.messageBoxResponse = 1
    fake.errorBoxes = []
    fake.openedExternally = []
    fake.openedPaths = []
    fake.ipcHandlers.clear()
    fake.ipcListeners.clear()
    fake.rendererInvokes = []
    fake.rendererSends = []
    fake.exposed = []
    fake.privilegedSchemes = []
    fake.schemesRegisteredBeforeReady = false
    fake.readyCalled = false
    fake.protocolHandlers.clear()
    fake.permissionRequestHandler = null
    fake.permissionCheckHandler = null
    fake.devicePermissionHandler = null
    fake.menus = []
    fake.printed = []
    fake.systemLanguages = ['en-US']
    app.removeAllListeners()
    app.isPackaged = true
    app.quitCalls = 0
    app.resetReady()
    ipcRenderer.removeAllListeners()
  },
}

export default { app, BrowserWindow, dialog, shell, ipcMain, ipcRenderer, contextBridge, protocol, session, Menu }
