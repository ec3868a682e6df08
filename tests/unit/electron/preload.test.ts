import { beforeAll, describe, expect, it, vi } from 'vitest'
import { fake, ipcRenderer } from '../../helpers/fakeElectron'
import { IPC_EVENT, IPC_INVOKE, type DesktopBridge } from '../../../src-shared/api/bridge'

vi.mock('electron', () => import('../../helpers/fakeElectron'))

let bridge: DesktopBridge
beforeAll(async () => {
  fake.reset()
  await import('../../../src-main/preload/index')
  bridge = fake.exposed[0]?.api as DesktopBridge
})

describe('the preload', () => {
  it('exposes one object, window.cxdesk, with platform, invoke and onEvent only', () => {
    expect(fake.exposed.map((e) => e.key)).toEqual(['cxdesk'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'platform'])
    expect(bridge.platform).toBe('desktop')
    // Nothing of Electron or Node leaks through: no ipcRenderer, no require, no process.
    for (const value of Object.values(bridge)) expect(value).not.toBe(ipcRenderer)
  })

  it('invokes only the one contract channel, with the channel name as a string', async () => {
    await bridge.invoke('workspace.current', {})
    await bridge.invoke({ toString: () => 'feedback.list' } as unknown as string, { limit: 1 })
    expect(fake.rendererInvokes).toEqual([
      { channel: IPC_INVOKE, args: ['workspace.current', {}] },
      { channel: IPC_INVOKE, args: ['feedback.list', { limit: 1 }] },
    ])
    expect(fake.rendererSends).toEqual([])
  })

  it('delivers push events without the IPC event object, and stops on unsubscribe', () => {
    const got: unknown[] = []
    const off = bridge.onEvent((e) => got.push(e))
    ipcRenderer.emit(IPC_EVENT, { sender: 'ipc internals' }, { name: 'app.command', payload: { command: 'import' } })
    off()
    ipcRenderer.emit(IPC_EVENT, {}, { name: 'app.command', payload: { command: 'import' } })
    expect(got).toEqual([{ name: 'app.command', payload: { command: 'import' } }])
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0)
  })
})
