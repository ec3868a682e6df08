import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, fake } from '../../helpers/fakeElectron'
import { registerIpc } from '../../../src-main/electron/ipc'
import { EventBus } from '../../../src-main/common/events'
import { IPC_EVENT, IPC_INVOKE } from '../../../src-shared/api/bridge'
import type { RawInvoke } from '../../../src-shared/api/contract'

vi.mock('electron', () => import('../../helpers/fakeElectron'))

type Frame = { url: string; parent: Frame | null }
const top = (url: string): Frame => ({ url, parent: null })
const sub = (url: string): Frame => ({ url, parent: top('app://cxdesk/index.html') })

let invoke: ReturnType<typeof vi.fn<RawInvoke>>
let events: EventBus
const call = (senderFrame: Frame | null, channel: unknown = 'workspace.current', payload: unknown = {}) => fake.ipcHandlers.get(IPC_INVOKE)!({ senderFrame }, channel, payload)

beforeEach(() => {
  fake.reset()
  invoke = vi.fn<RawInvoke>(async () => ({ ok: true, data: 'answered' }))
  events = new EventBus()
})

describe('the IPC bridge in the main process', () => {
  it('registers one invoke channel and nothing else', () => {
    registerIpc(invoke, events)
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE])
    expect(fake.ipcListeners.size).toBe(0)
  })

  it('answers the top frame of the app’s own page', async () => {
    registerIpc(invoke, events)
    await expect(call(top('app://cxdesk/index.html#/inbox'), 'feedback.list', { limit: 5 })).resolves.toEqual({ ok: true, data: 'answered' })
    expect(invoke).toHaveBeenCalledWith('feedback.list', { limit: 5 })
  })

  it('refuses a sub-frame, a frame of another origin, a look-alike origin and a frame already gone, without calling the API', async () => {
    registerIpc(invoke, events, 'http://localhost:5173')
    for (const frame of [
      sub('app://cxdesk/index.html'),
      top('https://evil.test/'),
      top('app://cxdesk.evil/index.html'),
      top('file:///tmp/x.html'),
      top('http://localhost:5173.evil.test/'),
      top('http://localhost:5174/'),
      null,
    ])
      expect(await call(frame), JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(invoke).not.toHaveBeenCalled()
    // The dev server itself is ours in development.
    expect(await call(top('http://localhost:5173/#/'))).toEqual({ ok: true, data: 'answered' })
  })

  it('passes whatever the channel name is as a string, for the dispatcher to validate', async () => {
    registerIpc(invoke, events)
    await call(top('app://cxdesk/index.html'), { toString: () => 'x' }, null)
    expect(invoke).toHaveBeenCalledWith('x', null)
  })

  it('pushes events to every open window, and not to destroyed ones', () => {
    registerIpc(invoke, events)
    const a = new BrowserWindow({})
    const b = new BrowserWindow({})
    b.destroy()
    events.emit('app.command', { command: 'import' })
    expect(a.webContents.sent).toEqual([{ channel: IPC_EVENT, args: [{ name: 'app.command', payload: { command: 'import' } }] }])
    expect(b.webContents.sent).toEqual([])
  })
})
